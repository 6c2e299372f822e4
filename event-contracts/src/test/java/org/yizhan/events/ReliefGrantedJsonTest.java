package org.yizhan.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.yizhan.events.legalaid.ReliefGranted;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliefGrantedJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void reliefGrantedRoundTripsWithItsAmountInFenAndReadsLaterFields() throws Exception {
        ReliefGranted granted = new ReliefGranted(UUID.randomUUID(), "KIDNEY_FAILURE", 750000L,
                Instant.parse("2026-12-01T06:00:00Z"), true);
        String text = json.writeValueAsString(granted);
        assertEquals(granted, json.readValue(text, ReliefGranted.class));
        assertTrue(text.contains("\"amountGrantedFen\":750000"), text);
        ReliefGranted later = json.readValue("""
                {"reliefId":"%s","illnessCategory":"CANCER","amountGrantedFen":1,"grantedAt":"2026-12-01T06:00:00Z",
                 "secondApprovalNeeded":false,"addedLater":1}""".formatted(granted.reliefId()), ReliefGranted.class);
        assertEquals("CANCER", later.illnessCategory());
        assertEquals("relief.granted", EventTypes.RELIEF_GRANTED);
    }
}
