package org.yizhan.checkup.rest.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.booking.Appointment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What withdrawing consent did: the appointments it cancelled (none when there was nothing left to cancel). */
@Schema(name = "ConsentWithdrawal")
public record ConsentWithdrawalView(
        @Schema(required = true) UUID campaignId,
        @Schema(required = true) Instant withdrawnAt,
        @Schema(required = true, maxItems = 10, description = "The appointments cancelled with reason CONSENT_WITHDRAWN")
        List<UUID> cancelledAppointments) {

    public static ConsentWithdrawalView of(UUID campaignId, Instant at, List<Appointment> cancelled) {
        return new ConsentWithdrawalView(campaignId, at, cancelled.stream().map(a -> a.id).toList());
    }
}
