package org.yizhan.localstack.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which values the generator holds back: only texts a free-text property would take. */
class HostileRequestsValuesTest {

    @Test
    void aTextWithinTheBoundsOfAFreeTextPropertyIsHeldBack() {
        Map<String, Object> note = Map.of("type", "string", "minLength", 2, "maxLength", 500);
        assertTrue(HostileRequests.fitsFreeText("UNKNOWN_VALUE", note));
        assertFalse(HostileRequests.fitsFreeText("x", note), "shorter than minLength");
        assertFalse(HostileRequests.fitsFreeText(HostileRequests.HUGE, note), "longer than maxLength");
        assertFalse(HostileRequests.fitsFreeText(12, note), "not a text");
    }

    @Test
    void textsAreStillSentToEnumsFormatsAndPatterns() {
        assertFalse(HostileRequests.fitsFreeText("UNKNOWN_VALUE", Map.of("type", "string", "enum", java.util.List.of("A"))));
        assertFalse(HostileRequests.fitsFreeText("2026-13-45T25:61:00Z", Map.of("type", "string", "format", "date-time")));
        assertFalse(HostileRequests.fitsFreeText("x", Map.of("type", "string", "pattern", "^[0-9]+$")));
        assertFalse(HostileRequests.fitsFreeText("x", Map.of("type", "integer")));
    }

    @Test
    void anExceptionsClassNameInAnAnswerIsFoundAndOrdinaryTextIsNot() {
        assertTrue(HostileRequests.EXCEPTION_CLASS.matcher(
                "{\"detail\":\"org.hibernate.exception.ConstraintViolationException: x\"}").find());
        assertTrue(HostileRequests.EXCEPTION_CLASS.matcher("java.lang.NullPointerException").find());
        assertTrue(HostileRequests.EXCEPTION_CLASS.matcher("io.vertx.core.VertxException").find());
        assertFalse(HostileRequests.EXCEPTION_CLASS.matcher(
                "{\"type\":\"urn:yizhan:problem:validation\",\"title\":\"请求参数无效\"}").find());
        assertFalse(HostileRequests.EXCEPTION_CLASS.matcher("see https://example.org/errors/TimeoutError").find());
    }
}
