package org.yizhan.kit.problem;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.validation.Validation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldErrorsTest {

    record Request(@NotBlank String name, @Size(max = 3) String code, Integer from, Integer to) {
    }

    private final Validation validation = new Validation(jakarta.validation.Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void anAnswerListsAtMostMaxErrorsFieldsAndCountsThemAll() {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < 5000; i++) {
            errors.add("photos[" + i + "]", "must be a URL");
        }
        ProblemException e = assertThrows(ProblemException.class, errors::throwIfAny);
        assertEquals("5000 fields are invalid", e.detail(Language.EN));
        Problem answer = new Problem("urn:yizhan:problem:validation", "x", 400, e.detail(Language.EN), "/", e.errors());
        assertEquals(Problem.MAX_ERRORS, answer.errors().size());
        assertEquals(e.errors().subList(0, Problem.MAX_ERRORS), answer.errors());
    }

    @Test
    void oneProblemListsEveryFieldOnceSortedWithItsCount() {
        ProblemException e = assertThrows(ProblemException.class, () -> new FieldErrors()
                .add("b", "first").add("a", "other").add("b", "second").throwIfAny());
        assertEquals(List.of(new Problem.FieldError("a", "other"), new Problem.FieldError("b", "first")), e.errors());
        assertEquals("2 fields are invalid", e.detail(Language.EN));
        assertEquals("2 个字段不合法", e.detail(Language.ZH));
        assertEquals("1 field is invalid", ProblemException.invalidField("x", "m").detail(Language.EN));
        assertDoesNotThrow(() -> new FieldErrors().throwIfAny());
    }

    @Test
    void constraintsAndRulesEndInTheSameProblemAndAConstrainedFieldIsNotRepeated() {
        Request request = new Request(" ", "ABCD", 5, 1);
        FieldErrors rules = new FieldErrors().add("to", "must not be before from").add("name", "a rule about name");
        ProblemException e = assertThrows(ProblemException.class, () -> validation.require(request, rules));
        assertEquals(List.of("code", "name", "to"), e.errors().stream().map(Problem.FieldError::field).toList());
        assertTrue(!e.errors().get(1).message().equals("a rule about name"), "the constraint's message wins");
    }

    @Test
    void aMissingBodyIsAFieldError() {
        assertTrue(validation.check(null).has("body"));
        assertDoesNotThrow(() -> validation.require(new Request("n", "A", 1, 2), new FieldErrors()));
    }

    @Test
    void aFieldErrorCarriesNoAngleBracketsAndNoOverlongText() {
        Problem.FieldError error = new Problem.FieldError("codes[1].<list element>", "must match \"^[^<>]*$\"");
        org.junit.jupiter.api.Assertions.assertEquals("codes[1].‹list element›", error.field());
        org.junit.jupiter.api.Assertions.assertEquals("must match \"^[^‹›]*$\"", error.message());
        org.junit.jupiter.api.Assertions.assertEquals(1000, new Problem.FieldError("f", "x".repeat(5000)).message().length());
    }
}
