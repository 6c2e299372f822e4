package org.yizhan.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.yizhan.events.station.StationRegistered;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StationRegisteredJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripsAndIgnoresFieldsAddedLater() throws Exception {
        StationRegistered event = new StationRegistered(UUID.randomUUID(), "小哥驿站", "RESTAURANT", "狼垡",
                "黄村镇狼垡", "大兴区", 39.7, 116.3, "ACTIVE", Instant.parse("2026-01-02T03:04:05Z"));
        String text = json.writeValueAsString(event);
        assertEquals(event, json.readValue(text, StationRegistered.class));

        String newer = text.replaceFirst("\\{", "{\"addedInAFutureVersion\":42,");
        assertEquals(event, json.readValue(newer, StationRegistered.class));
    }

    @Test
    void topicAndTypeNamesFollowTheConventions() {
        assertEquals("yizhan.station.v1", Topics.STATION);
        assertEquals("station.registered", EventTypes.STATION_REGISTERED);
        assertEquals("yizhan.dlq.services-service", Topics.deadLetter("services-service"));
    }
}
