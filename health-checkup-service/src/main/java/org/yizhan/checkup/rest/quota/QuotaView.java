package org.yizhan.checkup.rest.quota;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.quota.Quota;
import org.yizhan.events.Occupation;

import java.time.LocalDate;
import java.util.UUID;

/** A quota and how much of it is taken (held or booked). */
@Schema(name = "Quota")
public record QuotaView(
        @Schema(required = true) UUID id,
        @Schema(required = true) Occupation occupation,
        UUID siteId,
        LocalDate day,
        @Schema(required = true, minimum = "0", maximum = "100000") int places,
        @Schema(required = true, minimum = "0", maximum = "100000") int taken) {

    public static QuotaView of(Quota q) {
        return new QuotaView(q.id, q.occupation, q.siteId, q.day, q.places, q.taken);
    }
}
