package org.yizhan.legalaid.rest.relief;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rejection of a relief application. */
@Schema(name = "ReliefRejectionRequest")
public record RejectionRequest(
        @NotBlank @Size(min = 2, max = 500)
        @Schema(required = true, description = "Stored encrypted; the applicant reads it", minLength = 2, maxLength = 500,
                example = "家庭人均月收入高于救助标准") String reason) {
}
