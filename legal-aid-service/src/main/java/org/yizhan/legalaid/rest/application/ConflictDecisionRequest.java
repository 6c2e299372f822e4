package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.ConflictDecision;

/** The decision on the check's matches. */
@Schema(name = "ConflictDecisionRequest")
public record ConflictDecisionRequest(
        @NotNull @Schema(required = true) ConflictDecision decision,
        @Size(max = 500) @Schema(maxLength = 500, example = "与 2026 年另一名骑手的欠薪申请为同一雇主，不构成利益冲突") String note) {
}
