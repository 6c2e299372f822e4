package org.yizhan.station.rest.standards;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.yizhan.kit.problem.Problem;
import org.yizhan.station.service.standards.InspectionService;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Bean Validation and the use case's rules in one pass, so that a 400 lists every invalid field. */
final class StandardsBodyCheck {

    private StandardsBodyCheck() {
    }

    static void require(Validator validator, Object body, List<Problem.FieldError> ruleErrors) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> flagged = new HashSet<>();
        for (ConstraintViolation<Object> v : validator.validate(body)) {
            String field = v.getPropertyPath().toString();
            if (flagged.add(field)) {
                errors.add(new Problem.FieldError(field, v.getMessage()));
            }
        }
        for (Problem.FieldError e : ruleErrors) {
            if (flagged.add(e.field())) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw InspectionService.invalid(errors);
        }
    }
}
