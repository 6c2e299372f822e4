package org.yizhan.system.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Read-only view of the repository's files, addressed by paths relative to its root ({@code /}
 * separated). Files can be replaced or removed in a copy of the view without touching the disk,
 * which is how the tests feed broken variants of the compose file, the init script, a Dockerfile
 * or a module's application.properties to the same checker.
 */
public final class RepoFiles {

    private final Path root;
    /** Replaced files; an empty value marks a removed file. */
    private final Map<String, Optional<String>> overrides;

    private RepoFiles(Path root, Map<String, Optional<String>> overrides) {
        this.root = root;
        this.overrides = overrides;
    }

    public static RepoFiles at(Path root) {
        return new RepoFiles(root.toAbsolutePath().normalize(), Map.of());
    }

    /**
     * The repository that contains the working directory: surefire runs the tests in
     * {@code system-tests/}, whose parent holds the root pom ({@code yizhan-parent}).
     */
    public static RepoFiles locate() {
        Path start = Paths.get("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                String text = readDisk(pom);
                if (text.contains("<artifactId>yizhan-parent</artifactId>") && text.contains("<modules>")) {
                    return at(dir);
                }
            }
        }
        throw new IllegalStateException("no Yizhan repository root (pom.xml of yizhan-parent next to "
                + "docker-compose.yml) in " + start + " or above it");
    }

    public Path root() {
        return root;
    }

    /** A view in which {@code path} has {@code content}. */
    public RepoFiles withFile(String path, String content) {
        Map<String, Optional<String>> copy = new HashMap<>(overrides);
        copy.put(normalize(path).orElseThrow(), Optional.of(content));
        return new RepoFiles(root, Map.copyOf(copy));
    }

    /** A view in which {@code path} does not exist. */
    public RepoFiles withoutFile(String path) {
        Map<String, Optional<String>> copy = new HashMap<>(overrides);
        copy.put(normalize(path).orElseThrow(), Optional.empty());
        return new RepoFiles(root, Map.copyOf(copy));
    }

    /** A view in which the existing file {@code path} is replaced by {@code edit} of its text. */
    public RepoFiles editFile(String path, UnaryOperator<String> edit) {
        String text = read(path).orElseThrow(() -> new IllegalArgumentException("no file " + path));
        return withFile(path, edit.apply(text));
    }

    public Optional<String> read(String path) {
        Optional<String> rel = normalize(path);
        if (rel.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> overridden = overrides.get(rel.get());
        if (overridden != null) {
            return overridden;
        }
        Path file = root.resolve(rel.get());
        return Files.isRegularFile(file) ? Optional.of(readDisk(file)) : Optional.empty();
    }

    public boolean isFile(String path) {
        return read(path).isPresent();
    }

    public boolean isDirectory(String path) {
        Optional<String> rel = normalize(path);
        if (rel.isEmpty()) {
            return false;
        }
        if (rel.get().isEmpty() || Files.isDirectory(root.resolve(rel.get()))) {
            return true;
        }
        String prefix = rel.get() + "/";
        return overrides.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(prefix) && e.getValue().isPresent());
    }

    /** Names of the regular files directly inside {@code dir}, sorted. */
    public TreeSet<String> filesIn(String dir) {
        TreeSet<String> names = new TreeSet<>();
        Optional<String> rel = normalize(dir);
        if (rel.isEmpty()) {
            return names;
        }
        String prefix = rel.get().isEmpty() ? "" : rel.get() + "/";
        Path onDisk = root.resolve(rel.get());
        if (Files.isDirectory(onDisk)) {
            try (Stream<Path> children = Files.list(onDisk)) {
                children.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        overrides.forEach((path, content) -> {
            if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
                String name = path.substring(prefix.length());
                if (content.isPresent()) {
                    names.add(name);
                } else {
                    names.remove(name);
                }
            }
        });
        return names;
    }

    /**
     * {@code path} relative to the root, normalised ({@code ./a/../b} is {@code b}, the root is the
     * empty string); empty for absolute paths and paths leaving the repository.
     */
    public static Optional<String> normalize(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Path p = Paths.get(path);
        if (p.isAbsolute()) {
            return Optional.empty();
        }
        String normal = p.normalize().toString().replace('\\', '/');
        if (normal.equals("..") || normal.startsWith("../")) {
            return Optional.empty();
        }
        return Optional.of(normal);
    }

    private static String readDisk(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
