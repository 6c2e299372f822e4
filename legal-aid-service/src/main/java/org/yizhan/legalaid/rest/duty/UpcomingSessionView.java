package org.yizhan.legalaid.rest.duty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.repository.DutySessionRepository;

import java.time.Instant;
import java.util.UUID;

/** A session near the worker that has not ended. */
@Schema(name = "UpcomingSession")
public record UpcomingSessionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID stationId,
        @Schema(required = true, maxLength = 100) String stationName,
        @Schema(required = true, maxLength = 300) String stationAddress,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true, minimum = "10", maximum = "120") int slotMinutes,
        @Schema(required = true, description = "Slots still to come that nobody booked", minimum = "0", maximum = "72")
        int freeSlots,
        @Schema(required = true, description = "From the point asked about, in metres") double distanceMetres) {

    public static UpcomingSessionView of(DutySessionRepository.Upcoming u) {
        return new UpcomingSessionView(u.sessionId(), u.stationId(), u.stationName(), u.address(), u.startsAt(),
                u.endsAt(), u.slotMinutes(), u.freeSlots(), Math.round(u.distanceMetres() * 10) / 10.0);
    }
}
