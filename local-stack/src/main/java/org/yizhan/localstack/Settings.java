package org.yizhan.localstack;

import java.util.Locale;
import java.util.Map;

/**
 * Settings of the local stack, read from environment variables ({@code YIZHAN_PG_HOST}) or the
 * matching system properties ({@code yizhan.pg.host}); a system property wins.
 */
public final class Settings {

    private final Map<String, String> env;

    private Settings(Map<String, String> env) {
        this.env = env;
    }

    /** Settings of this process. */
    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    /** Settings from an explicit map of environment variables, for tests. */
    public static Settings of(Map<String, String> env) {
        return new Settings(Map.copyOf(env));
    }

    /** The value of {@code name} (an environment variable name), or {@code fallback}. */
    public String get(String name, String fallback) {
        String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
