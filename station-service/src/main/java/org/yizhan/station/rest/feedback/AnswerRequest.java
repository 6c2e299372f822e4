package org.yizhan.station.rest.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/stations/{id}/complaints/{complaintId}/responses}. */
@Schema(name = "ComplaintAnswerRequest")
public record AnswerRequest(
        @NotBlank @Size(max = 1000)
        @Schema(description = "To the worker who complained", example = "已联系维修，新微波炉明天上午送到。") String message,
        @NotNull
        @Schema(description = "OPEN → IN_PROGRESS → RESOLVED | REJECTED, or OPEN → RESOLVED | REJECTED",
                example = "RESOLVED") AnswerStatus status,
        @Size(max = 1000)
        @Schema(description = "How it ended; required for RESOLVED and REJECTED",
                example = "已更换新微波炉。") String resolution) {
}
