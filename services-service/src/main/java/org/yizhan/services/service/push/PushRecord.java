package org.yizhan.services.service.push;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One activity record as a partner system pushes it, read from JSON or from a sign-in sheet.
 * A field that was missing or could not be read is null; what is wrong with it is reported by the
 * reader, and {@link RecordRules} decides whether the record can be taken.
 */
public record PushRecord(
        String recordId,
        String type,
        String title,
        String description,
        UUID stationId,
        Instant startsAt,
        Instant endsAt,
        List<String> organisers,
        Integer capacity,
        List<String> occupations,
        String status,
        String cancelReason,
        List<Participant> participants,
        Integer participantCount) {

    /** A named participant: the partner's pseudonymous id of a person who consented, and when they checked in. */
    public record Participant(String id, Instant checkedInAt) {
    }
}
