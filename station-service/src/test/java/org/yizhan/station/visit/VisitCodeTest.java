package org.yizhan.station.visit;

import org.junit.jupiter.api.Test;
import org.yizhan.station.domain.visit.VisitCode;
import org.yizhan.station.domain.visit.VisitCode.Verdict;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code algorithm alone, with the clock in the test's hand. */
class VisitCodeTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final UUID STATION = UUID.fromString("0e5b2c1a-7d4f-4f7e-9a51-3c2b1d0e9f88");
    static final Instant NOW = Instant.parse("2026-11-29T06:30:42Z");
    static final long WINDOW = VisitCode.windowOf(NOW);

    @Test
    void windowsAreSixtySecondsAlignedToTheMinute() {
        assertEquals(Instant.parse("2026-11-29T06:30:00Z"), VisitCode.startOf(WINDOW));
        assertEquals(WINDOW, VisitCode.windowOf(Instant.parse("2026-11-29T06:30:00Z")));
        assertEquals(WINDOW + 1, VisitCode.windowOf(Instant.parse("2026-11-29T06:31:00Z")));
    }

    @Test
    void aCodeIsShortUrlSafeAndStableWithinItsWindow() {
        String code = VisitCode.compute(SECRET, STATION, WINDOW);
        assertEquals(23, code.length());
        assertTrue(code.matches("[A-Za-z0-9_-]+"), code);
        assertEquals(code, VisitCode.compute(SECRET, STATION, WINDOW));
        assertNotEquals(code, VisitCode.compute(SECRET, STATION, WINDOW + 1));
    }

    @Test
    void theCurrentAndThePreviousWindowAreAcceptedOlderOnesHaveExpired() {
        assertEquals(Verdict.VALID, verify(VisitCode.compute(SECRET, STATION, WINDOW), NOW));
        assertEquals(Verdict.VALID, verify(VisitCode.compute(SECRET, STATION, WINDOW - 1), NOW));
        assertEquals(Verdict.EXPIRED, verify(VisitCode.compute(SECRET, STATION, WINDOW - 2), NOW));
        assertEquals(Verdict.EXPIRED, verify(VisitCode.compute(SECRET, STATION, WINDOW - 60 * 24), NOW));
        // At the first instant of the next-but-one window the code is no longer accepted.
        String code = VisitCode.compute(SECRET, STATION, WINDOW);
        assertEquals(Verdict.VALID, verify(code, VisitCode.startOf(WINDOW + 2).minusNanos(1)));
        assertEquals(Verdict.EXPIRED, verify(code, VisitCode.startOf(WINDOW + 2)));
    }

    @Test
    void aCodeFromTooFarAheadIsInvalid() {
        assertEquals(Verdict.VALID, verify(VisitCode.compute(SECRET, STATION, WINDOW + 1), NOW));
        assertEquals(Verdict.INVALID, verify(VisitCode.compute(SECRET, STATION, WINDOW + 2), NOW));
    }

    @Test
    void anotherStationsOrAnotherSecretsCodeIsInvalid() {
        String code = VisitCode.compute(SECRET, STATION, WINDOW);
        assertEquals(Verdict.INVALID, VisitCode.verify(SECRET, UUID.randomUUID(), code, NOW));
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertEquals(Verdict.INVALID, VisitCode.verify(other, STATION, code, NOW));
        assertEquals(Verdict.INVALID, VisitCode.verify(null, STATION, code, NOW));
    }

    @Test
    void everyAlteredByteMakesTheCodeInvalid() {
        byte[] raw = Base64.getUrlDecoder().decode(VisitCode.compute(SECRET, STATION, WINDOW));
        for (int i = 0; i < raw.length; i++) {
            byte[] altered = raw.clone();
            altered[i] ^= 0x01;
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertEquals(Verdict.INVALID, verify(code, NOW), "byte " + i);
        }
    }

    @Test
    void anOldCodeMovedToTheCurrentWindowIsInvalidNotValid() {
        byte[] raw = Base64.getUrlDecoder().decode(VisitCode.compute(SECRET, STATION, WINDOW - 10));
        ByteBuffer.wrap(raw).position(1).putInt((int) WINDOW);
        assertEquals(Verdict.INVALID, verify(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), NOW));
    }

    @Test
    void garbageIsInvalid() {
        for (String code : new String[] {"", " ", "not a code!", "AAAA", "AQ", "%%%%", "A".repeat(23),
                VisitCode.compute(SECRET, STATION, WINDOW) + "A"}) {
            assertEquals(Verdict.INVALID, verify(code, NOW), code);
        }
        assertEquals(Verdict.INVALID, verify(null, NOW));
    }

    static Verdict verify(String code, Instant now) {
        return VisitCode.verify(SECRET, STATION, code, now);
    }
}
