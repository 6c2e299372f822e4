package org.yizhan.system.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few YAML reads the deployment checks need: documents as maps, and typed steps into them. */
final class Yaml {

    private Yaml() {
    }

    /** The documents of a (multi-document) YAML text; fails on syntax errors, duplicate keys and non-mapping documents. */
    static List<Map<String, Object>> documents(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).loadAll(text)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException(source + " holds a document that is not a mapping");
                }
                documents.add(stringKeys(map));
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(source + " cannot be parsed: " + e.getMessage(), e);
        }
        return documents;
    }

    /** A YAML list of mappings, such as the operations of an inline JSON patch. */
    static List<Map<String, Object>> listOfMaps(String text, String source) {
        try {
            Object document = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (!(document instanceof List<?>)) {
                throw new IllegalArgumentException(source + " is not a YAML list");
            }
            return maps(document);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(source + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(item -> result.add(map(item)));
        }
        return result;
    }

    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }

    static Optional<String> string(Object value) {
        return value == null || value instanceof Map || value instanceof List
                ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** The value at {@code path} (keys separated by dots) in nested mappings. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            current = map(current).get(key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
