package org.yizhan.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.yizhan.events.activity.ActivityCompleted;
import org.yizhan.events.station.StationAwardGranted;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ActivityEventsJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void completedActivityRoundTripsWithOrWithoutAReportedCount() throws Exception {
        ActivityCompleted named = new ActivityCompleted(UUID.randomUUID(), 3, "HAIRCUT", List.of("youth-league", "womens-federation"),
                UUID.randomUUID(), Instant.parse("2026-05-01T02:00:00Z"), Instant.parse("2026-05-01T04:00:00Z"),
                18, 4, 2, null, 22, Instant.parse("2026-05-01T04:05:00Z"), "APP", 20);
        assertEquals(named, json.readValue(json.writeValueAsString(named), ActivityCompleted.class));

        String countsOnly = """
                {"activityId":"%s","version":1,"type":"SAFETY_TRAINING","organisers":["traffic-police"],
                 "stationId":"%s","startsAt":"2026-03-01T01:00:00Z","endsAt":"2026-03-01T02:00:00Z",
                 "attended":0,"walkIns":0,"noShows":0,"reportedParticipants":40,"personTimes":40,
                 "completedAt":"2026-03-01T02:00:00Z","addedLater":true}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        ActivityCompleted read = json.readValue(countsOnly, ActivityCompleted.class);
        assertEquals(40, read.reportedParticipants());
        assertEquals(40, read.personTimes());
        // Written before source and scanned existed: both absent.
        assertNull(read.source());
        assertNull(read.scanned());
    }

    @Test
    void awardWithoutAScoreSnapshotKeepsTheScoreEmpty() throws Exception {
        StationAwardGranted award = new StationAwardGranted(UUID.randomUUID(), UUID.randomUUID(), 2025, "CITY",
                "北京市最美户外劳动者服务站点", null, Instant.parse("2026-01-10T00:00:00Z"));
        StationAwardGranted read = json.readValue(json.writeValueAsString(award), StationAwardGranted.class);
        assertEquals(award, read);
        assertNull(read.score());
        assertEquals(new BigDecimal("81.5"), json.readValue(json.writeValueAsString(
                new StationAwardGranted(award.awardId(), award.stationId(), 2025, "CITY", "t", new BigDecimal("81.5"), award.grantedAt())),
                StationAwardGranted.class).score());
    }

    @Test
    void activityTopicIsVersioned() {
        assertEquals("yizhan.activity.v1", Topics.ACTIVITY);
        assertEquals("activity.completed", EventTypes.ACTIVITY_COMPLETED);
        assertEquals("station.award_granted", EventTypes.STATION_AWARD_GRANTED);
    }
}
