package org.yizhan.kit.problem;

import java.util.List;

/** Thrown by use cases to answer with a problem; the message is never shown, the texts are. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailZh;
    private final String detailEn;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detailZh, String detailEn) {
        this(type, detailZh, detailEn, List.of());
    }

    public ProblemException(ProblemType type, String detailZh, String detailEn, List<Problem.FieldError> errors) {
        super(type.uri(), null, false, false);
        this.type = type;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
        this.errors = List.copyOf(errors);
    }

    /** A 400 validation problem about one field. */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 validation problem listing {@code errors} (see {@link FieldErrors} to collect them). */
    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        int n = errors.size();
        return new ProblemException(ProblemType.VALIDATION, countZh(n), countEn(n), errors);
    }

    /** "N 个字段不合法": the detail of every validation problem. */
    static String countZh(int n) {
        return n + " 个字段不合法";
    }

    /** "N fields are invalid": the detail of every validation problem. */
    static String countEn(int n) {
        return n + (n == 1 ? " field is" : " fields are") + " invalid";
    }

    public static ProblemException notFound(String whatZh, String whatEn) {
        return new ProblemException(ProblemType.NOT_FOUND, whatZh + "不存在", whatEn + " does not exist");
    }

    public ProblemType type() {
        return type;
    }

    public String detail(Language language) {
        return language.pick(detailZh, detailEn);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
