package org.yizhan.checkup.rest.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.checkup.domain.site.SlotStatus;

import java.time.Instant;
import java.util.UUID;

/** A slot of a site (FHIR Slot). */
@Schema(name = "Slot")
public record SlotView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID siteId,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true, minimum = "1", maximum = "1000") int capacity,
        @Schema(required = true, description = "Places neither booked nor held", minimum = "0", maximum = "1000") int free,
        @Schema(required = true, description = "HL7 FHIR Slot.status") SlotStatus status) {

    public static SlotView of(Slot s, boolean siteUnavailable) {
        return new SlotView(s.id, s.siteId, s.startsAt, s.endsAt, s.capacity, s.free(), s.status(siteUnavailable));
    }
}
