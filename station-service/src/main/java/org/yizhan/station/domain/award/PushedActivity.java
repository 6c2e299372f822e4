package org.yizhan.station.domain.award;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.DocSchemas;
import org.yizhan.station.domain.FieldLimits;

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
        @Schema(description = "The activity type services-service names", example = "HEALTH_TALK",
                maxLength = FieldLimits.CODE) String type,
        @Schema(description = "The partners that organised it", example = "[\"YOUTH_LEAGUE\"]",
                maxItems = FieldLimits.ORGANISERS, type = SchemaType.ARRAY,
                implementation = DocSchemas.PartnerCode.class) List<String> organisers,
        Instant startsAt,
        @Schema(description = "The award year it counts in (the year of startsAt in Beijing time)", example = "2026",
                minimum = FieldLimits.YEAR_FIRST, maximum = FieldLimits.YEAR_LAST)
        int year,
        @Schema(description = "Person-times the partner reported", example = "35", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int personTimes,
        @Schema(description = "People scanned through the app at the station (0: none, hence the confirmation)",
                example = "0", minimum = "0", maximum = FieldLimits.COUNT_MAX) int scanned,
        @Schema(example = "PENDING") Confirmation confirmation,
        @Schema(description = "When it was last confirmed or rejected; absent while pending") Instant decidedAt,
        @Schema(description = "What the confirmer noted", example = "签到表已核对",
                maxLength = FieldLimits.COMMENT) String note) {

    public PushedActivity {
        organisers = organisers == null ? List.of() : List.copyOf(organisers);
    }
}
