package org.yizhan.services.rest.push;

import jakarta.validation.constraints.Size;
import org.yizhan.services.service.push.RecordRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.service.activity.ActivityRules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shape of one pushed record, for the API documentation (records are read field by field). */
@Schema(name = "PushRecord")
public record PushRecordSchema(
        @Schema(required = true, description = "The partner's own id: 1-100 letters, digits, . _ : -; pushing it again "
                + "updates the same activity", maxLength = RecordRules.RECORD_ID_MAX) String recordId,
        @Schema(required = true, description = "Activity type code, see /api/v1/activities/types",
                maxLength = ActivityRules.TYPE_CODE_MAX) String type,
        @Schema(required = true, maxLength = ActivityRules.TITLE_MAX) String title,
        @Schema(maxLength = ActivityRules.DESCRIPTION_MAX) String description,
        @Schema(required = true, description = "A station of the venue replica; upcoming records need an active one")
        UUID stationId,
        @Schema(required = true, description = "ISO-8601 with offset") Instant startsAt,
        @Schema(required = true, description = "After startsAt, at most 7 days later") Instant endsAt,
        @Schema(description = "Co-organising partner codes: the pushing partner organises; the others are invited",
                maxItems = ActivityRules.MAX_ORGANISERS)
        List<@Size(max = ActivityRules.PARTNER_CODE_MAX) String> organisers,
        @Schema(minimum = "1", maximum = "" + ActivityRules.CAPACITY_MAX) Integer capacity,
        @Schema(description = "Occupations the activity is open to", maxItems = ActivityRules.OCCUPATIONS_MAX)
        List<@Size(max = ActivityRules.TYPE_CODE_MAX) String> occupations,
        @Schema(required = true, enumeration = {"PUBLISHED", "COMPLETED", "CANCELLED"},
                description = "PUBLISHED: upcoming (not over yet); COMPLETED: held (started already); CANCELLED: with "
                        + "cancelReason") String status,
        @Schema(maxLength = ActivityRules.CANCEL_REASON_MAX) String cancelReason,
        @Schema(description = "COMPLETED only: pseudonymous ids of participants who consented (never phone or ID-card "
                + "numbers), each with an optional checkedInAt; at most the capacity, and at most "
                + ActivityRules.MAX_PARTICIPANTS, maxItems = ActivityRules.MAX_PARTICIPANTS)
        List<Participant> participants,
        @Schema(description = "COMPLETED only, instead of participants: how many took part; at most the capacity",
                minimum = "0", maximum = "" + ActivityRules.MAX_PARTICIPANTS)
        Integer participantCount) {

    @Schema(name = "PushParticipant")
    public record Participant(@Schema(required = true, example = "p-0001", maxLength = RecordRules.PARTICIPANT_ID_MAX)
                              String id, Instant checkedInAt) {
    }
}
