package org.yizhan.station.rest.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.feedback.ComplaintResponse;
import org.yizhan.station.domain.feedback.ComplaintStatus;

import java.time.Instant;

/** One answer to a complaint. */
@Schema(name = "ComplaintResponse")
public record ComplaintResponseView(
        @Schema(example = "RESOLVED") ComplaintStatus status,
        @Schema(example = "已联系维修，新微波炉明天上午送到。", maxLength = FieldLimits.TEXT) String message,
        @Schema(example = "已更换新微波炉。", maxLength = FieldLimits.TEXT) String resolution,
        Instant respondedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who answered; shown to managers and admins only", example = "manager-7",
                maxLength = FieldLimits.SUBJECT)
        String respondedBy) {

    static ComplaintResponseView of(ComplaintResponse r, boolean withResponder) {
        return new ComplaintResponseView(r.status, r.message, r.resolution, r.respondedAt,
                withResponder ? r.respondedBy : null);
    }
}
