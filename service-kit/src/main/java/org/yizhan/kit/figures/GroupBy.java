package org.yizhan.kit.figures;

import org.yizhan.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code groupBy} parameter of a figures request: a comma-separated list of the dimensions of
 * {@code type}, in lower case ({@code occupation,site}), each at most once; empty for the total only.
 */
public final class GroupBy {

    private GroupBy() {
    }

    /**
     * The dimensions {@code text} names, in its order.
     *
     * @throws ProblemException 400 on {@code field} for an unknown or repeated dimension
     */
    public static <E extends Enum<E>> List<E> parse(Class<E> type, String field, String text) {
        List<E> dims = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return dims;
        }
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            E dim = find(type, name);
            if (dim == null) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(GroupBy::name).collect(Collectors.joining(", "));
                throw ProblemException.invalidField(field, "取值为以下维度的组合，以逗号分隔：" + allowed
                        + " / a comma-separated list of: " + allowed);
            }
            if (dims.contains(dim)) {
                throw ProblemException.invalidField(field, "重复的维度 / a dimension is repeated: " + name);
            }
            dims.add(dim);
        }
        return dims;
    }

    /** How a dimension is written in requests, answers and CSV headers: its name in lower case. */
    public static String name(Enum<?> dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E find(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
