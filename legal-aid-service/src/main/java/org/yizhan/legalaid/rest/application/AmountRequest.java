package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.legalaid.domain.application.ApplicationWorker;
import org.yizhan.legalaid.domain.application.CaseAmount;

import java.time.LocalDate;

/** An amount awarded (MEDIATION, ARBITRAL_AWARD, JUDGMENT) or recovered (PAYMENT), in fen. */
@Schema(name = "AmountRequest")
public record AmountRequest(
        @Min(1) @Max(ApplicationWorker.MAX_WORKERS) @Schema(description = "The worker of the case it is for (1 = the "
                + "applicant, then the co-applicants in order); required in a group case", minimum = "1",
                maximum = "200", format = "int32", example = "1") Integer worker,
        @NotNull @Schema(required = true) CaseAmount.Kind kind,
        @NotNull @Schema(required = true) CaseAmount.Basis basis,
        @NotNull @Min(1) @Max(ApplicationRequest.MAX_FEN) @Schema(required = true, minimum = "1",
                maximum = "10000000000", format = "int64", example = "600000") Long amountFen,
        @NotNull @Schema(required = true, description = "The date of the agreement, award, judgment or payment",
                example = "2026-11-20") LocalDate onDate) {

    void checkRules(FieldErrors errors) {
        if (kind != null && basis != null && (kind == CaseAmount.Kind.RECOVERED) != (basis == CaseAmount.Basis.PAYMENT)) {
            errors.add("basis", "判给金额依据调解、裁决或判决，追回金额依据实际支付 / AWARDED rests on MEDIATION, "
                    + "ARBITRAL_AWARD or JUDGMENT, RECOVERED on PAYMENT");
        }
    }
}
