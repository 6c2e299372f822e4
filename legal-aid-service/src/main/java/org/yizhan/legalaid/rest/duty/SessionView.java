package org.yizhan.legalaid.rest.duty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.privacy.Masks;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.legalaid.domain.duty.DutySession;
import org.yizhan.legalaid.domain.duty.Lawyer;
import org.yizhan.legalaid.domain.duty.SessionSlot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A duty session with its slots. Workers may book a free slot, or just come during the session. */
@Schema(name = "DutySession")
public record SessionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID stationId,
        @Schema(required = true, maxLength = 100, example = "黄村镇快递驿站") String stationName,
        @Schema(required = true, maxLength = 300) String stationAddress,
        @Schema(required = true) UUID lawyerId,
        @Schema(required = true, maxLength = 50, example = "李*") String lawyerName,
        @Schema(required = true, maxLength = 100) String lawyerFirm,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true, minimum = "10", maximum = "120") int slotMinutes,
        @Schema(required = true, maxItems = 72, description = "In time order") List<SessionSlotView> slots) {

    public static SessionView of(DutySession s, ReplicatedStation station, Lawyer lawyer, String lawyerName,
                                 List<SessionSlot> slots) {
        return new SessionView(s.id, s.stationId, station.name(), station.address(), s.lawyerId, Masks.name(lawyerName),
                lawyer.firm, s.startsAt, s.endsAt, s.slotMinutes, slots.stream().map(SessionSlotView::of).toList());
    }
}
