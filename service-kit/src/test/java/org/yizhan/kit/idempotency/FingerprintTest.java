package org.yizhan.kit.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FingerprintTest {

    record Before(String name, double latitude) {
    }

    record After(String name, double latitude, String contactPhone, List<String> photos) {
    }

    record Reordered(double latitude, String name) {
    }

    private final ObjectMapper mapper = IdempotencyKeys.fingerprintMapper(new ObjectMapper());

    @Test
    void anOptionalFieldAddedLaterDoesNotChangeTheFingerprintOfARequestWithoutIt() {
        assertEquals(IdempotencyKeys.fingerprint(mapper, new Before("驿站", 39.7)),
                IdempotencyKeys.fingerprint(mapper, new After("驿站", 39.7, null, List.of())));
        assertEquals(IdempotencyKeys.fingerprint(mapper, new Before("驿站", 39.7)),
                IdempotencyKeys.fingerprint(mapper, new Reordered(39.7, "驿站")));
    }

    @Test
    void anyDifferenceInContentChangesIt() {
        assertNotEquals(IdempotencyKeys.fingerprint(mapper, new Before("驿站", 39.7)),
                IdempotencyKeys.fingerprint(mapper, new Before("驿站", 39.8)));
        assertNotEquals(IdempotencyKeys.fingerprint(mapper, new Before("驿站", 39.7)),
                IdempotencyKeys.fingerprint(mapper, new After("驿站", 39.7, "010-1", List.of())));
    }
}
