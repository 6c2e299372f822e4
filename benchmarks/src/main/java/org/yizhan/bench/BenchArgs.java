package org.yizhan.bench;

import java.util.HashMap;
import java.util.Map;

/** The benchmarks' command lines: {@code --name value} pairs. */
final class BenchArgs {

    private BenchArgs() {
    }

    /** {@code --seconds 60 --slices 10} as {@code {seconds=60, slices=10}}; a trailing name without a value is ignored. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }
}
