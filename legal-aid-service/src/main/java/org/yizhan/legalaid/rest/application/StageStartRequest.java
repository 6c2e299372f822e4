package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.CaseStage;

import java.time.LocalDate;

/** A stage of a case begins. */
@Schema(name = "StageStartRequest")
public record StageStartRequest(
        @NotNull @Schema(required = true, description = "MEDIATION, ARBITRATION, FIRST_INSTANCE, APPEAL or ENFORCEMENT; "
                + "later than every stage recorded (stages may be skipped, never reopened)", example = "ARBITRATION")
        CaseStage.Stage stage,
        @NotNull @Schema(required = true, description = "The (Beijing) day it began: not in the future, not before the "
                + "previous stage ended", example = "2026-10-12") LocalDate startedOn) {
}
