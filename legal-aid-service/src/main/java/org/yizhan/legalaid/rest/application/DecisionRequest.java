package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.legalaid.domain.application.DecisionOutcome;

/** The decision on an application. REJECT needs a reason, REFER a referral code. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull @Schema(required = true) DecisionOutcome outcome,
        @Size(min = 2, max = 500) @Schema(description = "Required to reject; stored encrypted", minLength = 2,
                maxLength = 500, example = "不属于法律援助事项范围") String reason,
        @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9-]+$", message = "只能含字母、数字和 - / letters, digits and - only")
        @Schema(description = "Required to refer: the receiving body's reference", maxLength = 40,
                example = "DX-LAC-2026-0815") String referralCode) {

    void checkRules(FieldErrors errors) {
        if (outcome == DecisionOutcome.REJECT && reason == null && !errors.has("reason")) {
            errors.add("reason", "不予援助须说明理由 / a rejection needs a reason");
        }
        if (outcome == DecisionOutcome.REFER && referralCode == null && !errors.has("referralCode")) {
            errors.add("referralCode", "转介须给出转介编号 / a referral needs its code");
        }
        if (outcome != DecisionOutcome.REFER && referralCode != null && !errors.has("referralCode")) {
            errors.add("referralCode", "只用于转介 / only for REFER");
        }
    }
}
