package org.yizhan.legalaid.rest.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.legalaid.domain.application.CreditCodes;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.service.application.NewApplication;

import java.util.List;
import java.util.UUID;

/** An application for legal aid; from a consultation, its category and question are taken when not given. */
@Schema(name = "ApplicationRequest")
public record ApplicationRequest(
        @Schema(description = "Required unless consultationId is given") ConsultationCategory category,
        @NotBlank @Size(max = 100)
        @Schema(required = true, description = "The employer or platform, as written (stored encrypted); spacing, "
                + "full-width characters and the company-type suffix do not matter to the conflict check",
                maxLength = 100, example = "北京速达配送科技有限公司") String opposingPartyName,
        @Size(max = 40) @Schema(description = "统一社会信用代码 (18 characters, check character verified)", maxLength = 40,
                example = "91110000802100433B") String opposingPartyCreditCode,
        @Size(min = 5, max = 4000) @Schema(description = "Required unless consultationId is given; stored encrypted",
                minLength = 5, maxLength = 4000, example = "2026年8月至9月工资未发，共8600元。") String facts,
        @NotNull @Min(0) @Max(MAX_FEN) @Schema(required = true, description = "Amount claimed in fen (1/100 yuan)",
                minimum = "0", maximum = "10000000000", format = "int64", example = "860000") Long amountClaimedFen,
        @Size(max = 20) @Schema(description = "References to documents held elsewhere (file ids), never the documents",
                maxItems = 20)
        List<@NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:/-]+$", message = "只能含字母、数字和 . _ : / - / letters, digits and . _ : / - only") String> documentRefs,
        @Schema(description = "The consultation this application continues (the applicant's own)") UUID consultationId,
        @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9._:@|-]+$", message = "只能含字母、数字和 . _ : @ | - / letters, digits and . _ : @ | - only")
        @Schema(description = "Union staff only, and then required: the worker's account id, stored only as a pseudonym",
                maxLength = 255, example = "rider-42") String onBehalfOf) {

    /** ¥100 million. */
    static final long MAX_FEN = 10_000_000_000L;

    String checkedCreditCode(FieldErrors errors) {
        if (opposingPartyCreditCode == null || opposingPartyCreditCode.isBlank()
                || errors.has("opposingPartyCreditCode")) {
            return null;
        }
        return CreditCodes.normalise(opposingPartyCreditCode).orElseGet(() -> {
            errors.add("opposingPartyCreditCode", "不是有效的统一社会信用代码 / not a valid unified social credit code");
            return null;
        });
    }

    void checkRules(FieldErrors errors) {
        if (consultationId == null) {
            if (category == null) {
                errors.add("category", "必填（或给出 consultationId） / required (or give consultationId)");
            }
            if (facts == null && !errors.has("facts")) {
                errors.add("facts", "必填（或给出 consultationId） / required (or give consultationId)");
            }
        }
        if (facts != null && facts.isBlank() && !errors.has("facts")) {
            errors.add("facts", "不能为空白 / must not be blank");
        }
    }

    NewApplication toNew(String creditCode) {
        return new NewApplication(category, opposingPartyName.strip(), creditCode, facts == null ? null : facts.strip(),
                amountClaimedFen, documentRefs == null ? List.of() : documentRefs, consultationId, onBehalfOf);
    }
}
