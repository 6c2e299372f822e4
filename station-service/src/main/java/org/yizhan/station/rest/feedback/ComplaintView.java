package org.yizhan.station.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.feedback.Complaint;
import org.yizhan.station.domain.feedback.ComplaintCategory;
import org.yizhan.station.domain.feedback.ComplaintStatus;
import org.yizhan.station.service.feedback.ComplaintService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A complaint with its deadline, status and answers. The worker who filed it is never shown. */
@Schema(name = "Complaint")
public record ComplaintView(
        UUID id,
        UUID stationId,
        @Schema(example = "AMENITY_BROKEN") ComplaintCategory category,
        @Schema(example = "MICROWAVE", maxLength = FieldLimits.CODE) String amenity,
        @Schema(example = "微波炉插电后不加热，已经坏了两天。", maxLength = FieldLimits.TEXT) String description,
        @Schema(example = "2026-11-29T03:40:00Z") Instant occurredAt,
        @Schema(example = "2026-11-29T04:02:11.512Z") Instant receivedAt,
        @Schema(description = "When the first answer is due: receivedAt + 72 h (SAFETY: 24 h)",
                example = "2026-12-02T04:02:11.512Z") Instant respondBy,
        @Schema(example = "OPEN") ComplaintStatus status,
        @Schema(description = "When the first answer came; absent while unanswered") Instant firstResponseAt,
        @Schema(example = "已更换新微波炉。", maxLength = FieldLimits.TEXT) String resolution,
        Instant closedAt,
        @Schema(description = "Unanswered and past respondBy") boolean overdue,
        @Schema(description = "Whole hours past respondBy while overdue, else 0", example = "0", minimum = "0",
                maximum = FieldLimits.SUM_MAX) long hoursOverdue,
        @Schema(maxItems = FieldLimits.LIST) List<ComplaintResponseView> responses) {

    static ComplaintView of(ComplaintService.Handled handled, Instant now, boolean withResponders) {
        Complaint c = handled.complaint();
        boolean overdue = c.isOverdue(now);
        return new ComplaintView(c.id, c.stationId, c.category, c.amenity, c.description, c.occurredAt,
                c.receivedAt, c.respondBy, c.status, c.firstResponseAt, c.resolution, c.closedAt,
                overdue, overdue ? c.hoursOverdue(now) : 0,
                handled.responses().stream().map(r -> ComplaintResponseView.of(r, withResponders)).toList());
    }
}
