package org.yizhan.system.deploy;

import org.yizhan.system.compose.RepoFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A kustomize directory combined as {@code kubectl kustomize} combines it, as far as the checks
 * need: the resources of its files and bases, the ConfigMaps its generators make (later layers
 * merging into earlier ones), and its strategic-merge patches of Deployments' environment
 * variables. What cannot be combined (a missing file, a patch or a merge without a target, an
 * image override that matches no container) is collected in {@link #problems()}.
 */
final class Kustomization {

    static final String FILE = "kustomization.yaml";

    /** One object of a manifest, and the file it came from. */
    record Resource(String file, Map<String, Object> body) {
        String kind() {
            return Yaml.string(body.get("kind")).orElse("");
        }

        String name() {
            return Yaml.string(Yaml.at(body, "metadata.name")).orElse("");
        }
    }

    /** A patch as declared: the kind and name (a regular expression) it targets. */
    record Patch(String declaredIn, String kind, String name) {
    }

    private final String dir;
    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
    private final List<String> secretGenerators = new ArrayList<>();
    private final List<Patch> patches = new ArrayList<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private Kustomization(String dir) {
        this.dir = dir;
    }

    /** Reads the kustomization in {@code dir} (relative to the repository root) and its bases. */
    static Kustomization read(RepoFiles repo, String dir) {
        Kustomization k = new Kustomization(dir);
        k.load(repo, dir);
        return k;
    }

    private void load(RepoFiles repo, String at) {
        String file = at + "/" + FILE;
        Optional<String> text = repo.read(file);
        if (text.isEmpty()) {
            problems.add(file + " does not exist");
            return;
        }
        texts.put(file, text.get());
        Map<String, Object> kustomization = Yaml.documents(text.get(), file).stream().findFirst().orElse(Map.of());
        for (String entry : Yaml.strings(kustomization.get("resources"))) {
            Optional<String> path = RepoFiles.normalize(at + "/" + entry);
            if (path.isPresent() && repo.isFile(path.get())) {
                String manifest = repo.read(path.get()).orElseThrow();
                texts.put(path.get(), manifest);
                Yaml.documents(manifest, path.get()).forEach(doc -> resources.add(new Resource(path.get(), doc)));
            } else if (path.isPresent() && repo.isFile(path.get() + "/" + FILE)) {
                load(repo, path.get());
            } else {
                problems.add(file + ": resource " + entry + " is neither a file nor a kustomization");
            }
        }
        for (Map<String, Object> generator : Yaml.maps(kustomization.get("configMapGenerator"))) {
            generate(file, generator);
        }
        Yaml.maps(kustomization.get("secretGenerator"))
                .forEach(g -> secretGenerators.add(file + ": " + Yaml.string(g.get("name")).orElse("?")));
        for (Map<String, Object> patch : Yaml.maps(kustomization.get("patches"))) {
            patch(repo, at, file, patch);
        }
        for (Map<String, Object> image : Yaml.maps(kustomization.get("images"))) {
            String name = Yaml.string(image.get("name")).orElse("");
            boolean used = containers().stream().anyMatch(c -> imageName(c).equals(name));
            if (!used) {
                problems.add(file + ": image override " + name + " matches no container's image");
            }
        }
    }

    private void generate(String file, Map<String, Object> generator) {
        String name = Yaml.string(generator.get("name")).orElse("");
        String behavior = Yaml.string(generator.get("behavior")).orElse("create");
        Map<String, String> literals = new LinkedHashMap<>();
        for (String literal : Yaml.strings(generator.get("literals"))) {
            int eq = literal.indexOf('=');
            if (eq <= 0) {
                problems.add(file + ": ConfigMap " + name + " has a literal without a name: " + literal);
                continue;
            }
            literals.put(literal.substring(0, eq), literal.substring(eq + 1));
        }
        switch (behavior) {
            case "create" -> {
                if (configMaps.containsKey(name)) {
                    problems.add(file + ": ConfigMap " + name + " is generated twice (merge it instead)");
                }
                configMaps.put(name, literals);
            }
            case "merge", "replace" -> {
                Map<String, String> existing = configMaps.get(name);
                if (existing == null) {
                    problems.add(file + ": ConfigMap " + name + " is merged, but no base generates it");
                    configMaps.put(name, literals);
                } else if (behavior.equals("merge")) {
                    existing.putAll(literals);
                } else {
                    configMaps.put(name, literals);
                }
            }
            default -> problems.add(file + ": ConfigMap " + name + " has an unknown behavior " + behavior);
        }
    }

    private void patch(RepoFiles repo, String at, String file, Map<String, Object> patch) {
        Map<String, Object> target = Yaml.map(patch.get("target"));
        List<Map<String, Object>> documents = List.of();
        Optional<String> path = Yaml.string(patch.get("path")).flatMap(p -> RepoFiles.normalize(at + "/" + p));
        if (path.isPresent()) {
            Optional<String> text = repo.read(path.get());
            if (text.isEmpty()) {
                problems.add(file + ": patch " + path.get() + " does not exist");
                return;
            }
            texts.put(path.get(), text.get());
            documents = Yaml.documents(text.get(), path.get());
        }
        if (!target.isEmpty()) {
            Patch declared = new Patch(file, Yaml.string(target.get("kind")).orElse(""),
                    Yaml.string(target.get("name")).orElse(""));
            Optional<String> inline = Yaml.string(patch.get("patch"));
            if (check(declared) && inline.isPresent()) {
                List<Map<String, Object>> operations = Yaml.listOfMaps(inline.get(), file + " (inline patch)");
                Pattern name = Pattern.compile(declared.name());
                resources(declared.kind()).stream().filter(r -> name.matcher(r.name()).matches())
                        .forEach(r -> operations.forEach(op -> jsonPatch(file, r, op)));
            }
            return;
        }
        if (documents.isEmpty()) {
            problems.add(file + ": a patch has neither a target nor a patch file");
        }
        for (Map<String, Object> document : documents) {
            Resource patchDoc = new Resource(path.orElse(file), document);
            if (check(new Patch(patchDoc.file(), patchDoc.kind(), Pattern.quote(patchDoc.name())))) {
                resources(patchDoc.kind()).stream().filter(r -> r.name().equals(patchDoc.name()))
                        .forEach(r -> mergeEnvironment(r, patchDoc));
            }
        }
    }

    /** Whether the patch's target exists; records a problem if not. */
    private boolean check(Patch patch) {
        patches.add(patch);
        Pattern name;
        try {
            name = Pattern.compile(patch.name().isEmpty() ? ".*" : patch.name());
        } catch (PatternSyntaxException e) {
            problems.add(patch.declaredIn() + ": patch target name " + patch.name() + " is not a pattern");
            return false;
        }
        boolean found = resources.stream()
                .anyMatch(r -> r.kind().equals(patch.kind()) && name.matcher(r.name()).matches());
        if (!found) {
            problems.add(patch.declaredIn() + ": a patch targets " + patch.kind() + " "
                    + patch.name().replace("\\Q", "").replace("\\E", "")
                    + ", which no resource of " + dir + " defines");
        }
        return found;
    }

    /** One JSON patch operation (add, remove or replace) on a resource; paths of keys, indexes and "-". */
    @SuppressWarnings("unchecked")
    private void jsonPatch(String file, Resource resource, Map<String, Object> operation) {
        String op = Yaml.string(operation.get("op")).orElse("");
        String[] steps = Yaml.string(operation.get("path")).orElse("").replaceFirst("^/", "").split("/");
        Object parent = resource.body();
        for (int i = 0; i < steps.length - 1 && parent != null; i++) {
            parent = parent instanceof Map<?, ?> m ? m.get(steps[i])
                    : parent instanceof List<?> l && steps[i].matches("\\d+") && Integer.parseInt(steps[i]) < l.size()
                    ? l.get(Integer.parseInt(steps[i])) : null;
        }
        String last = steps[steps.length - 1];
        String where = file + ": " + op + " " + operation.get("path") + " on " + resource.kind() + " " + resource.name();
        if (parent instanceof Map<?, ?> map) {
            Map<String, Object> target = (Map<String, Object>) map;
            if (op.equals("remove") && target.remove(last) == null) {
                problems.add(where + ": nothing to remove");
            } else if (!op.equals("remove")) {
                target.put(last, operation.get("value"));
            }
        } else if (parent instanceof List<?> list && op.equals("add") && last.equals("-")) {
            ((List<Object>) list).add(operation.get("value"));
        } else {
            problems.add(where + ": the path does not exist");
        }
    }

    /** A strategic merge of the patch's containers' env entries, by container and variable name. */
    private static void mergeEnvironment(Resource target, Resource patch) {
        for (Map<String, Object> patchContainer : containersOf(patch)) {
            for (Map<String, Object> container : containersOf(target)) {
                if (!Yaml.string(container.get("name")).equals(Yaml.string(patchContainer.get("name")))) {
                    continue;
                }
                Object env = container.get("env");
                if (!(env instanceof List<?>)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Object> entries = (List<Object>) env;
                for (Map<String, Object> replacement : Yaml.maps(patchContainer.get("env"))) {
                    entries.removeIf(e -> Yaml.string(Yaml.map(e).get("name")).equals(Yaml.string(replacement.get("name"))));
                    entries.add(replacement);
                }
            }
        }
    }

    static List<Map<String, Object>> containersOf(Resource resource) {
        return Yaml.maps(Yaml.at(resource.body(), "spec.template.spec.containers"));
    }

    static String imageName(Map<String, Object> container) {
        String image = Yaml.string(container.get("image")).orElse("");
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    List<Resource> resources() {
        return resources;
    }

    List<Resource> resources(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    Optional<Resource> resource(String kind, String name) {
        return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst();
    }

    private List<Map<String, Object>> containers() {
        return resources.stream().flatMap(r -> containersOf(r).stream()).toList();
    }

    /** The generated ConfigMaps with their data, after every layer's merges. */
    Map<String, Map<String, String>> configMaps() {
        return configMaps;
    }

    List<String> secretGenerators() {
        return secretGenerators;
    }

    List<Patch> patches() {
        return patches;
    }

    /** Every file read, with its text. */
    Map<String, String> texts() {
        return texts;
    }

    List<String> problems() {
        return problems;
    }
}
