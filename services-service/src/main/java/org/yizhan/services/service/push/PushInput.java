package org.yizhan.services.service.push;

import org.yizhan.kit.problem.Problem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One record of a batch as read from its format: the record (null if it could not be read at
 * all), what could not be read, which record fields that concerns (the rules do not report them
 * again), the sheet line it starts on (CSV only), and how a field of the record is named in the
 * answer ({@code records[3].startsAt}, or {@code line 7: starts_at}).
 */
public record PushInput(PushRecord record, List<Problem.FieldError> readErrors, Set<String> unreadable,
                        Integer line, UnaryOperator<String> fieldName) {

    /** How fields of the record at {@code index} of a JSON batch are named. */
    public static UnaryOperator<String> jsonField(int index) {
        String prefix = "records[" + index + "]";
        return f -> f.isEmpty() ? prefix : prefix + "." + f;
    }

    /** The record at {@code index} of a JSON batch. */
    public static PushInput fromJson(PushRecordReader.Read read, int index) {
        Set<String> unreadable = new HashSet<>();
        for (Problem.FieldError e : read.errors()) {
            unreadable.add(e.field());
        }
        return new PushInput(read.record(), read.errors(), unreadable, null, jsonField(index));
    }
}
