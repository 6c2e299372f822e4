package org.yizhan.station.award;

import org.yizhan.localstack.testing.TopicProbe;

import java.time.Instant;
import java.util.UUID;

/** Activity CloudEvents as services-service publishes them on yizhan.activity.v1. */
final class ActivityEvents {

    static final String TOPIC = "yizhan.activity.v1";

    private ActivityEvents() {
    }

    static String completed(String eventId, UUID activityId, int version, UUID stationId, Instant startsAt,
                            int personTimes) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/services-service","type":"activity.completed",
                 "subject":"%s","time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"activityId":"%s","version":%d,"type":"HEALTH_TALK","organisers":["YOUTH_LEAGUE"],
                         "stationId":"%s","startsAt":"%s","endsAt":"%s","attended":%d,"walkIns":0,"noShows":1,
                         "reportedParticipants":null,"personTimes":%d,"completedAt":"%s","aFieldFromTheFuture":true}}
                """.formatted(eventId, activityId, activityId, version, stationId, startsAt, startsAt.plusSeconds(7200),
                personTimes, personTimes, startsAt.plusSeconds(7200));
    }

    /** A completion as it says how the activity came in: {@code source} APP or PUSH, {@code scanned} people scanned. */
    static String completed(String eventId, UUID activityId, int version, UUID stationId, Instant startsAt,
                            int personTimes, String source, int scanned) {
        return completed(eventId, activityId, version, stationId, startsAt, personTimes)
                .replace("\"aFieldFromTheFuture\":true", "\"source\":\"%s\",\"scanned\":%d".formatted(source, scanned));
    }

    static String cancelled(String eventId, UUID activityId, int version, UUID stationId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/services-service","type":"activity.cancelled",
                 "subject":"%s","time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"activityId":"%s","version":%d,"stationId":"%s","reason":"天气原因",
                         "cancelledAt":"2026-11-29T08:00:00Z"}}
                """.formatted(eventId, activityId, activityId, version, stationId);
    }

    static void publish(UUID activityId, String event) {
        TopicProbe.publish(TOPIC, activityId.toString(), event);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
