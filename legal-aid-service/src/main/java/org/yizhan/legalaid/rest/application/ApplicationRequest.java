package org.yizhan.legalaid.rest.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.legalaid.domain.application.ApplicationWorker;
import org.yizhan.legalaid.domain.application.CreditCodes;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
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
        @NotNull @Min(0) @Max(MAX_FEN) @Schema(required = true, description = "Amount the applicant claims, in fen "
                + "(1/100 yuan); in a group case the application's amount claimed is this plus the co-applicants'",
                minimum = "0", maximum = "10000000000", format = "int64", example = "860000") Long amountClaimedFen,
        @Size(max = 20) @Schema(description = "References to documents held elsewhere (file ids), never the documents",
                maxItems = 20)
        List<@NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:/-]+$", message = "只能含字母、数字和 . _ : / - / letters, digits and . _ : / - only") String> documentRefs,
        @Schema(description = "The consultation this application continues (the applicant's own)") UUID consultationId,
        @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9._:@|-]+$", message = "只能含字母、数字和 . _ : @ | - / letters, digits and . _ : @ | - only")
        @Schema(description = "Union staff only, and then required: the worker's account id, stored only as a pseudonym",
                maxLength = 255, example = "rider-42") String onBehalfOf,
        @Size(max = ApplicationWorker.MAX_WORKERS - 1) @Valid
        @Schema(description = "A group case: the other workers (workers 2, 3, ... in this order), each by account id "
                + "(stored only as a pseudonym) with the amount they claim; at most 199, each worker once",
                maxItems = ApplicationWorker.MAX_WORKERS - 1) List<CoApplicantRequest> coApplicants,
        @Schema(description = "Union staff taking the application at a station: the station (its district is where "
                + "the application counts)") UUID stationId,
        @Size(min = 2, max = LegalAidApplication.MAX_DISTRICT) @Pattern(regexp = "^[\\p{L}\\p{N}·() -]+$", message = "只能含文字、数字、空格和 · ( ) - / letters, "
                + "digits, spaces and · ( ) - only")
        @Schema(description = "Without a station: the district the application counts in (e.g. where the worker "
                + "works)", minLength = 2, maxLength = LegalAidApplication.MAX_DISTRICT, example = "大兴区") String district) {

    /** Another worker of a group case. */
    @Schema(name = "CoApplicant")
    public record CoApplicantRequest(
            @NotBlank @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9._:@|-]+$",
                    message = "只能含字母、数字和 . _ : @ | - / letters, digits and . _ : @ | - only")
            @Schema(required = true, description = "The worker's account id, stored only as a pseudonym",
                    maxLength = 255, example = "rider-43") String account,
            @NotNull @Min(0) @Max(MAX_FEN) @Schema(required = true, description = "What this worker claims, in fen",
                    minimum = "0", maximum = "10000000000", format = "int64", example = "420000") Long amountClaimedFen) {
    }

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
        if (stationId != null && district != null && !errors.has("district")) {
            errors.add("district", "有站点时由站点确定 / comes from the station when stationId is given");
        }
        if (coApplicants != null) {
            for (int i = 0; i < coApplicants.size(); i++) {
                if (coApplicants.get(i) == null) {
                    errors.add("coApplicants[" + i + "]", "不能为空 / must not be null");
                }
            }
        }
        if (facts != null && facts.isBlank() && !errors.has("facts")) {
            errors.add("facts", "不能为空白 / must not be blank");
        }
    }

    NewApplication toNew(String creditCode) {
        return new NewApplication(category, opposingPartyName.strip(), creditCode, facts == null ? null : facts.strip(),
                amountClaimedFen, documentRefs == null ? List.of() : documentRefs, consultationId, onBehalfOf,
                coApplicants == null ? List.of() : coApplicants.stream()
                        .map(c -> new NewApplication.CoApplicant(c.account(), c.amountClaimedFen())).toList(),
                stationId, district == null ? null : district.strip());
    }
}
