package org.yizhan.services.rest.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.domain.Venue;
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
        String type,
        String title,
        String description,
        UUID stationId,
        String stationName,
        String stationAddress,
        Integer distanceM,
        Instant startsAt,
        Instant endsAt,
        Integer capacity,
        List<String> occupations,
        List<String> organisers,
        @Schema(description = "Partners invited to co-organise that have not accepted yet (not organisers)")
        List<String> invitedOrganisers,
        @Schema(description = "The partner that created the activity; it invites co-organisers and cannot be removed")
        String leadOrganiser,
        ActivityStatus status,
        String cancelReason,
        String venueWarning,
        ActivitySource source,
        String sourceRecordId,
        Integer reportedParticipants,
        int version,
        Instant publishedAt,
        Instant completedAt) {

    public static ActivityView of(Activity a, Venue venue, Integer distanceM) {
        return new ActivityView(a.id, a.type, a.title, a.description, a.stationId,
                venue == null ? null : venue.name, venue == null ? null : venue.address, distanceM,
                a.startsAt, a.endsAt, a.capacity, List.of(a.occupations), a.organisers.stream().sorted().toList(),
                a.invited.isEmpty() ? null : a.invited.stream().sorted().toList(), a.leadPartner, a.status,
                a.cancelReason, a.venueWarning, a.source, a.sourceRecordId, a.reportedParticipants, a.version,
                a.publishedAt, a.completedAt);
    }
}
