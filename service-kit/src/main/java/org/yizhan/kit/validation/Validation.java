package org.yizhan.kit.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.yizhan.kit.problem.FieldErrors;

/**
 * One validation step for a request: the Bean Validation constraints of its body and the use
 * case's rules across fields end in the same 400 problem, so a client sees every invalid field at
 * once. A field the constraints flagged is not reported again by a rule.
 *
 * <pre>{@code
 * FieldErrors errors = validation.check(request);
 * if (request.endsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
 *     errors.add("endsAt", "必须晚于 startsAt / must be after startsAt");
 * }
 * errors.throwIfAny();
 * }</pre>
 */
@ApplicationScoped
public class Validation {

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    /** The constraint violations of {@code body} (named by their JSON path), to which rules may add. */
    public FieldErrors check(Object body) {
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            return errors.add("body", "请求体不能为空 / the request body is required");
        }
        for (ConstraintViolation<Object> v : validator.validate(body)) {
            errors.add(ViolationPaths.fieldOf(v), v.getMessage());
        }
        return errors;
    }

    /** Throws one 400 problem if {@code body} breaks a constraint or {@code rules} holds an error. */
    public void require(Object body, FieldErrors rules) {
        FieldErrors errors = check(body);
        errors.addAll(rules.list());
        errors.throwIfAny();
    }
}
