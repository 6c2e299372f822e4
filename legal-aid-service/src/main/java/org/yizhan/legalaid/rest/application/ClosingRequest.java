package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.ClosingResult;

/** The closing form of a case; its amounts are the ones recorded on the case. */
@Schema(name = "ClosingRequest")
public record ClosingRequest(
        @NotNull @Schema(required = true) ClosingResult result,
        @NotBlank @Size(min = 2, max = 1000) @Schema(required = true, description = "Stored encrypted", minLength = 2,
                maxLength = 1000, example = "经仲裁调解，公司支付拖欠工资6000元，已全部到账。") String reason) {
}
