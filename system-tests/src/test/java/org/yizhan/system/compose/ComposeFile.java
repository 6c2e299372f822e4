package org.yizhan.system.compose;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed docker-compose.yml, with the parts of the Compose specification the checks need. YAML
 * anchors and merge keys are resolved by the parser; {@code ${VAR:-default}} interpolation is
 * resolved to what a plain {@code docker compose up} without a .env file would use.
 */
public final class ComposeFile {

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    /** Parses the text of a compose file; fails on YAML errors, duplicate keys or a non-mapping root. */
    public static ComposeFile parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new SafeConstructor(options)).load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the compose file is not a YAML mapping");
        }
        return new ComposeFile(stringKeys(map));
    }

    Set<String> serviceNames() {
        return mapping(root.get("services")).keySet();
    }

    Collection<Service> services() {
        List<Service> services = new ArrayList<>();
        mapping(root.get("services")).forEach((name, body) -> services.add(new Service(name, mapping(body))));
        return services;
    }

    public Optional<Service> service(String name) {
        Map<String, Object> services = mapping(root.get("services"));
        return services.containsKey(name)
                ? Optional.of(new Service(name, mapping(services.get(name))))
                : Optional.empty();
    }

    /** Top-level named volumes. */
    Set<String> declaredVolumes() {
        return mapping(root.get("volumes")).keySet();
    }

    /** One service definition. */
    public static final class Service {
        private final String name;
        private final Map<String, Object> body;

        Service(String name, Map<String, Object> body) {
            this.name = name;
            this.body = body;
        }

        public String name() {
            return name;
        }

        Optional<String> image() {
            return scalar(body.get("image")).map(ComposeFile::interpolate);
        }

        /** The build section; its short form (a string) is the context with the default Dockerfile. */
        Optional<Build> build() {
            Object build = body.get("build");
            if (build == null) {
                return Optional.empty();
            }
            if (!(build instanceof Map)) {
                return scalar(build).map(context -> new Build(interpolate(context), "Dockerfile"));
            }
            Map<String, Object> map = mapping(build);
            String context = scalar(map.get("context")).map(ComposeFile::interpolate).orElse(".");
            String dockerfile = scalar(map.get("dockerfile")).map(ComposeFile::interpolate).orElse("Dockerfile");
            return Optional.of(new Build(context, dockerfile));
        }

        /** Environment variables (mapping or {@code KEY=VALUE} list form), interpolated. */
        public Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            rawEnvironment().forEach((name, value) -> env.put(name, interpolate(value)));
            return env;
        }

        /** Environment variables as written, before interpolation. */
        public Map<String, String> rawEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            Object raw = body.get("environment");
            if (raw instanceof Map<?, ?> map) {
                map.forEach((k, v) -> env.put(String.valueOf(k), scalar(v).orElse("")));
            } else if (raw instanceof List<?> list) {
                for (Object item : list) {
                    String entry = String.valueOf(item);
                    int eq = entry.indexOf('=');
                    if (eq < 0) {
                        env.put(entry, "");
                    } else {
                        env.put(entry.substring(0, eq), entry.substring(eq + 1));
                    }
                }
            }
            return env;
        }

        /** Published ports in short ({@code [ip:]host:container[/proto]}) or long syntax. */
        List<PortMapping> ports() {
            List<PortMapping> ports = new ArrayList<>();
            for (Object item : list(body.get("ports"))) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> m = stringKeys(map);
                    ports.add(new PortMapping(
                            scalar(m.get("published")).map(ComposeFile::interpolate).orElse(null),
                            scalar(m.get("target")).map(ComposeFile::interpolate).orElse(""),
                            String.valueOf(item)));
                } else {
                    String spec = interpolate(String.valueOf(item));
                    String withoutProtocol = spec.replaceFirst("/(tcp|udp|sctp)$", "");
                    int colon = withoutProtocol.lastIndexOf(':');
                    if (colon < 0) {
                        ports.add(new PortMapping(null, withoutProtocol, spec));
                    } else {
                        String hostPart = withoutProtocol.substring(0, colon);
                        String host = hostPart.substring(hostPart.lastIndexOf(':') + 1);
                        ports.add(new PortMapping(host, withoutProtocol.substring(colon + 1), spec));
                    }
                }
            }
            return ports;
        }

        /**
         * The healthcheck's command as one string (the {@code CMD}/{@code CMD-SHELL} marker left out);
         * empty when the service has none or it is disabled.
         */
        Optional<String> healthcheckCommand() {
            Map<String, Object> healthcheck = mapping(body.get("healthcheck"));
            if (healthcheck.isEmpty() || Boolean.TRUE.equals(healthcheck.get("disable"))) {
                return Optional.empty();
            }
            Object test = healthcheck.get("test");
            if (test instanceof List<?> parts) {
                if (parts.isEmpty() || "NONE".equals(String.valueOf(parts.get(0)))) {
                    return Optional.empty();
                }
                List<String> words = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    String word = String.valueOf(parts.get(i));
                    if (i == 0 && (word.equals("CMD") || word.equals("CMD-SHELL"))) {
                        continue;
                    }
                    words.add(interpolate(word));
                }
                return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
            }
            return scalar(test).filter(s -> !s.isBlank()).map(ComposeFile::interpolate);
        }

        /** {@code depends_on}: service name to condition; the short (list) form has no conditions. */
        Map<String, Optional<String>> dependsOn() {
            Map<String, Optional<String>> deps = new LinkedHashMap<>();
            Object raw = body.get("depends_on");
            if (raw instanceof List<?> names) {
                names.forEach(n -> deps.put(String.valueOf(n), Optional.empty()));
            } else if (raw instanceof Map<?, ?> map) {
                map.forEach((k, v) -> deps.put(String.valueOf(k), scalar(mapping(v).get("condition"))));
            }
            return deps;
        }

        /** Volume mounts in short ({@code source:target[:mode]}) or long syntax. */
        List<Mount> volumes() {
            List<Mount> mounts = new ArrayList<>();
            for (Object item : list(body.get("volumes"))) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> m = stringKeys(map);
                    String source = scalar(m.get("source")).map(ComposeFile::interpolate).orElse("");
                    String target = scalar(m.get("target")).map(ComposeFile::interpolate).orElse("");
                    String type = scalar(m.get("type")).orElse("volume");
                    mounts.add(new Mount(source, target, type.equals("bind")));
                } else {
                    String[] parts = interpolate(String.valueOf(item)).split(":");
                    if (parts.length == 1) {
                        mounts.add(new Mount("", parts[0], false));
                    } else {
                        String source = parts[0];
                        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
                        mounts.add(new Mount(source, parts[1], bind));
                    }
                }
            }
            return mounts;
        }
    }

    record Build(String context, String dockerfile) {
    }

    /** {@code host} is null when Docker picks the host port. */
    record PortMapping(String host, String container, String spec) {
    }

    /** {@code bind}: a host path; otherwise a named (or anonymous, empty source) volume. */
    record Mount(String source, String target, boolean bind) {
    }

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * Compose interpolation as without any variable set: {@code ${X:-d}} and {@code ${X-d}} become
     * {@code d}, {@code ${X}}, {@code $X} and {@code ${X:+v}} become empty, {@code $$} is a dollar.
     */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(2) != null && m.group(2).endsWith("-")) {
                replacement = m.group(3);
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code value} is exactly a variable that Compose requires ({@code ${X:?message}} or {@code ${X?message}}). */
    public static boolean requiresVariable(String value) {
        Matcher m = VARIABLE.matcher(value.strip());
        return m.matches() && m.group(2) != null && m.group(2).endsWith("?");
    }

    static Optional<String> scalar(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(value));
    }

    static Map<String, Object> mapping(Object value) {
        return value instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
