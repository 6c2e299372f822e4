package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.AppealDecision;

/** The justice bureau's decision on an objection to a rejection. */
@Schema(name = "AppealDecisionRequest")
public record AppealDecisionRequest(
        @NotNull @Schema(required = true, description = "UPHELD: the rejection stands (final); OVERTURNED: legal aid is "
                + "to be given (the application becomes an accepted case)", example = "OVERTURNED") AppealDecision decision,
        @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9-]+$", message = "只能含字母、数字和 - / letters, digits and - only")
        @Schema(description = "The bureau's reference for its decision", maxLength = 40, example = "DXSF-2026-0031")
        String reference) {
}
