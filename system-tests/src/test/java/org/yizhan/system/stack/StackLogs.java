package org.yizhan.system.stack;

import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.Stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The log files of a stack's processes (their log files, rotated ones included, and their consoles). */
public final class StackLogs {

    private StackLogs() {
    }

    /** "file: value" for each of {@code values} found in a log file of the stack; empty when none is. */
    public static List<String> containing(Stack stack, Collection<String> values) throws IOException {
        Set<Path> dirs = new TreeSet<>();
        for (ServiceProcess process : stack.processes()) {
            dirs.add(process.logFile().getParent());
        }
        List<String> found = new ArrayList<>();
        long bytes = 0;
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> listed = Files.walk(dir)) {
                files = listed.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                bytes += text.length();
                for (String value : values) {
                    if (text.contains(value)) {
                        found.add(file.getFileName() + ": " + value);
                    }
                }
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("no log written in " + dirs + ": nothing to search");
        }
        return found;
    }
}
