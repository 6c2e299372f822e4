package org.yizhan.system.deploy;

import org.yizhan.system.compose.RepoFiles;
import org.yizhan.system.compose.ServiceModule;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings a service reads, as far as its sources say: the keys of its application.properties
 * (and of the kit's defaults when it uses the kit) and the properties they refer to, the
 * property-like names its Java code passes to the configuration ({@code @ConfigProperty}
 * names, constants holding them, {@code getOptionalValue} calls), and the properties of its
 * {@code @ConfigMapping} interfaces. An environment variable is a setting when its name is one of
 * these names in MicroProfile Config's environment form (upper case, other characters as {@code _}).
 */
final class ServiceSettings {

    static final String KIT = "service-kit";
    static final String KIT_DEFAULTS = KIT + "/src/main/resources/META-INF/microprofile-config.properties";

    /**
     * Settings Quarkus reads without this code naming them: a datasource's login (the URL is in
     * every such module's application.properties).
     */
    static final List<String> DATASOURCE_LOGIN = List.of("quarkus.datasource.username", "quarkus.datasource.password");

    private static final Pattern PROPERTY_LITERAL =
            Pattern.compile("\"((?:yizhan|quarkus|kafka|mp|smallrye)(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING_METHOD = Pattern.compile("^\\s+[\\w<>, ?.]+\\s+(\\w+)\\(\\);", Pattern.MULTILINE);

    private final Set<String> environmentNames = new TreeSet<>();

    private ServiceSettings() {
    }

    static ServiceSettings of(RepoFiles repo, ServiceModule module) {
        ServiceSettings settings = new ServiceSettings();
        boolean kit = repo.read(module.module() + "/pom.xml").orElse("").contains("<artifactId>" + KIT + "</artifactId>");
        settings.properties(repo.read(module.applicationProperties()).orElse(""));
        settings.java(repo, module.module());
        if (kit) {
            settings.properties(repo.read(KIT_DEFAULTS).orElse(""));
            settings.java(repo, KIT);
        }
        if (repo.read(module.applicationProperties()).orElse("").contains("quarkus.datasource.jdbc.url=")) {
            DATASOURCE_LOGIN.forEach(settings::add);
        }
        return settings;
    }

    /** Whether the service reads the environment variable {@code name}. */
    boolean reads(String name) {
        return environmentNames.contains(name);
    }

    /** The environment form of a property name. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private void add(String property) {
        String key = property.startsWith("%") && property.contains(".") ? property.substring(property.indexOf('.') + 1)
                : property;
        environmentNames.add(environmentName(key));
    }

    private void properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.forEach((key, value) -> {
            add(String.valueOf(key));
            Matcher reference = REFERENCE.matcher(String.valueOf(value));
            while (reference.find()) {
                add(reference.group(1));
            }
        });
    }

    private void java(RepoFiles repo, String module) {
        Path sources = repo.root().resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(this::javaFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void javaFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher literal = PROPERTY_LITERAL.matcher(text);
        while (literal.find()) {
            add(literal.group(1));
        }
        Matcher prefix = MAPPING_PREFIX.matcher(text);
        if (prefix.find()) {
            Matcher method = MAPPING_METHOD.matcher(text);
            while (method.find()) {
                add(prefix.group(1) + "." + kebab(method.group(1)));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
