package org.yizhan.kit.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the invalid fields of one request, so that a client learns about all of them at once,
 * and answers with one 400 problem listing them ({@code "2 个字段不合法" / "2 fields are invalid"}).
 * A field is reported once, with the first problem found for it.
 */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records that {@code field} is invalid, unless it already is. */
    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /** Records each of {@code more}, unless its field already is invalid. */
    public FieldErrors addAll(List<Problem.FieldError> more) {
        more.forEach(e -> add(e.field(), e.message()));
        return this;
    }

    /** Whether {@code field} was found invalid. */
    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors sorted by field. */
    public List<Problem.FieldError> list() {
        List<Problem.FieldError> list = new ArrayList<>(errors.size());
        errors.forEach((field, message) -> list.add(new Problem.FieldError(field, message)));
        list.sort(Comparator.comparing(Problem.FieldError::field));
        return list;
    }

    /** Throws the 400 problem if any field is invalid. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw problem();
        }
    }

    /** The 400 problem listing the errors. */
    public ProblemException problem() {
        return ProblemException.invalidFields(list());
    }
}
