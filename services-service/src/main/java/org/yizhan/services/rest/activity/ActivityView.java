package org.yizhan.services.rest.activity;

import org.yizhan.kit.replica.ReplicatedStation;
import jakarta.validation.constraints.Size;
import org.yizhan.services.service.push.RecordRules;
import org.yizhan.services.service.activity.ActivityRules;
import org.yizhan.services.rest.ApiLimits;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivitySource;
import org.yizhan.services.domain.activity.ActivityStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityView(
        UUID id,
        @Schema(maxLength = ActivityRules.TYPE_CODE_MAX) String type,
        @Schema(maxLength = ActivityRules.TITLE_MAX) String title,
        @Schema(maxLength = ActivityRules.DESCRIPTION_MAX) String description,
        UUID stationId,
        @Schema(maxLength = ApiLimits.VENUE_NAME_MAX) String stationName,
        @Schema(maxLength = ApiLimits.VENUE_ADDRESS_MAX) String stationAddress,
        @Schema(description = "Metres from the point searched near", minimum = "0", maximum = ApiLimits.DISTANCE_M_MAX)
        Integer distanceM,
        Instant startsAt,
        Instant endsAt,
        @Schema(minimum = "1", maximum = "" + ActivityRules.CAPACITY_MAX) Integer capacity,
        @Schema(maxItems = ActivityRules.OCCUPATIONS_MAX) List<@Size(max = ActivityRules.TYPE_CODE_MAX) String> occupations,
        @Schema(maxItems = ActivityRules.MAX_ORGANISERS)
        List<@Size(max = ActivityRules.PARTNER_CODE_MAX) String> organisers,
        @Schema(description = "Partners invited to co-organise that have not accepted yet (not organisers)",
                maxItems = ActivityRules.MAX_ORGANISERS)
        List<@Size(max = ActivityRules.PARTNER_CODE_MAX) String> invitedOrganisers,
        @Schema(description = "The partner that created the activity; it invites co-organisers and cannot be removed",
                maxLength = ActivityRules.PARTNER_CODE_MAX)
        String leadOrganiser,
        ActivityStatus status,
        @Schema(maxLength = ActivityRules.CANCEL_REASON_MAX) String cancelReason,
        @Schema(maxLength = ActivityRules.CANCEL_REASON_MAX) String venueWarning,
        ActivitySource source,
        @Schema(maxLength = RecordRules.RECORD_ID_MAX) String sourceRecordId,
        @Schema(minimum = "0", maximum = "" + ActivityRules.MAX_PARTICIPANTS) Integer reportedParticipants,
        @Schema(minimum = "0", maximum = ApiLimits.INT_MAX) int version,
        Instant publishedAt,
        Instant completedAt) {

    public static ActivityView of(Activity a, ReplicatedStation venue, Integer distanceM) {
        return new ActivityView(a.id, a.type, a.title, a.description, a.stationId,
                venue == null ? null : venue.name(), venue == null ? null : venue.address(), distanceM,
                a.startsAt, a.endsAt, a.capacity, List.of(a.occupations), a.organisers.stream().sorted().toList(),
                a.invited.isEmpty() ? null : a.invited.stream().sorted().toList(), a.leadPartner, a.status,
                a.cancelReason, a.venueWarning, a.source, a.sourceRecordId, a.reportedParticipants, a.version,
                a.publishedAt, a.completedAt);
    }
}
