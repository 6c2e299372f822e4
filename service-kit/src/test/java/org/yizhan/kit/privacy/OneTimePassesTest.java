package org.yizhan.kit.privacy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneTimePassesTest {

    private static final OneTimePasses.Kind TICKETS = new OneTimePasses.Kind("test tickets v1", "test-ticket+jwt", "tkt", "who");
    private static final OneTimePasses.Kind BADGES = new OneTimePasses.Kind("test badges v1", "test-badge+jwt", "tkt", "who");

    static final class Tickets extends OneTimePasses {
        Tickets(Pseudonyms pseudonyms, Kind kind) {
            super(pseudonyms, kind);
        }
    }

    private static Pseudonyms pseudonyms(String key) {
        Pseudonyms p = new Pseudonyms();
        p.configuredKey = Optional.of(key);
        p.init();
        return p;
    }

    private final Pseudonyms keyA = pseudonyms("a-pseudonym-key-of-at-least-thirty-two-characters");
    private final Instant now = Instant.parse("2026-12-01T08:00:00.123Z");

    @Test
    void aPassReadsBackAsIssued() {
        Tickets tickets = new Tickets(keyA, TICKETS);
        UUID forId = UUID.randomUUID();
        OneTimePasses.Pass issued = tickets.issue(forId, "holder-1", now, now.plusSeconds(3600));
        OneTimePasses.Pass read = tickets.read(issued.token()).orElseThrow();
        assertEquals(forId, read.forId());
        assertEquals("holder-1", read.holder());
        assertEquals(issued.passId(), read.passId());
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), read.expiresAt());
        assertNotEquals(issued.passId(), tickets.issue(forId, "holder-1", now, now.plusSeconds(60)).passId());
    }

    @Test
    void aPassOfAnotherKindOrKeyOrAlteredIsNotRead() {
        Tickets tickets = new Tickets(keyA, TICKETS);
        String token = tickets.issue(UUID.randomUUID(), "holder-1", now, now.plusSeconds(60)).token();
        assertTrue(new Tickets(keyA, BADGES).read(token).isEmpty(), "another kind of pass");
        assertTrue(new Tickets(pseudonyms("another-pseudonym-key-of-at-least-32-characters"), TICKETS).read(token)
                .isEmpty(), "another service's key");
        String[] parts = token.split("\\.");
        String altered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertTrue(tickets.read(altered).isEmpty(), "an altered payload");
        assertTrue(tickets.read("not a pass").isEmpty());
        assertTrue(tickets.read(token.substring(0, token.lastIndexOf('.')) + ".").isEmpty(), "no signature");
    }
}
