package org.yizhan.station.domain.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An activity a partner pushed from its own system, as the station sees it for confirmation.
 *
 * @param scanned    people whose check-in was scanned through the app at it (0 when pushed without scans)
 * @param decidedAt  when it was last confirmed or rejected; null while pending
 * @param note       what the confirmer wrote; null if nothing
 */
@Schema(name = "PushedActivity", description = "An activity a partner pushed, as the station confirms it")
public record PushedActivity(
        UUID activityId,
        UUID stationId,
        @Schema(description = "The activity type services-service names", example = "HEALTH_TALK") String type,
        @Schema(description = "The partners that organised it", example = "[\"YOUTH_LEAGUE\"]") List<String> organisers,
        Instant startsAt,
        @Schema(description = "The award year it counts in (the year of startsAt in Beijing time)", example = "2026")
        int year,
        @Schema(description = "Person-times the partner reported", example = "35") int personTimes,
        @Schema(description = "People scanned through the app at the station (0: none, hence the confirmation)",
                example = "0") int scanned,
        @Schema(example = "PENDING") Confirmation confirmation,
        @Schema(description = "When it was last confirmed or rejected; absent while pending") Instant decidedAt,
        @Schema(description = "What the confirmer noted", example = "签到表已核对") String note) {

    public PushedActivity {
        organisers = organisers == null ? List.of() : List.copyOf(organisers);
    }
}
