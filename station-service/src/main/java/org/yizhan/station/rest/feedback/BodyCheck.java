package org.yizhan.station.rest.feedback;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.yizhan.kit.problem.Problem;
import org.yizhan.station.service.feedback.ComplaintService;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a request body in one pass: its Bean Validation constraints and the use case's rules
 * across fields, so that a client learns about every invalid field at once.
 */
final class BodyCheck {

    private BodyCheck() {
    }

    /** Throws a 400 problem listing every invalid field; a field the constraints flagged is listed once. */
    static void require(Validator validator, Object body, List<Problem.FieldError> ruleErrors) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> flagged = new HashSet<>();
        for (ConstraintViolation<Object> v : validator.validate(body)) {
            String field = v.getPropertyPath().toString();
            errors.add(new Problem.FieldError(field, v.getMessage()));
            flagged.add(field);
        }
        for (Problem.FieldError e : ruleErrors) {
            if (flagged.add(e.field())) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw ComplaintService.invalid(errors);
        }
    }
}
