package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.CaseStage;

import java.time.LocalDate;

/** A stage of a case ends, with its outcome. */
@Schema(name = "StageEndRequest")
public record StageEndRequest(
        @NotNull @Schema(required = true, description = "The (Beijing) day it ended: not in the future, not before it "
                + "began", example = "2026-11-20") LocalDate endedOn,
        @NotNull @Schema(required = true, description = "AGREEMENT (mediation agreement; not in ENFORCEMENT), "
                + "NO_AGREEMENT (MEDIATION), AWARD (ARBITRATION), JUDGMENT (FIRST_INSTANCE, APPEAL), DISMISSED "
                + "(ARBITRATION, FIRST_INSTANCE, APPEAL), WITHDRAWN (any), ENFORCED or ENFORCEMENT_ENDED (ENFORCEMENT)",
                example = "AWARD") CaseStage.Outcome outcome) {
}
