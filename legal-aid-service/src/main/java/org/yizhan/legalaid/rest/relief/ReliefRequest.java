package org.yizhan.legalaid.rest.relief;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.relief.IllnessCategory;
import org.yizhan.legalaid.service.relief.NewRelief;

import java.util.List;
import java.util.UUID;

/** An application for serious-illness relief (also the body of a referral from a case, without onBehalfOf). */
@Schema(name = "ReliefRequest")
public record ReliefRequest(
        @NotNull @Schema(required = true) IllnessCategory illnessCategory,
        @NotNull @Min(1) @Max(MAX_FEN) @Schema(required = true, description = "Amount requested in fen (1/100 yuan)",
                minimum = "1", maximum = "100000000", format = "int64", example = "800000") Long amountRequestedFen,
        @NotNull @Min(0) @Max(MAX_FEN) @Schema(required = true, description = "The household's income per month, in "
                + "fen", minimum = "0", maximum = "100000000", format = "int64", example = "650000")
        Long monthlyHouseholdIncomeFen,
        @NotNull @Min(1) @Max(20) @Schema(required = true, description = "People living on that income", minimum = "1",
                maximum = "20", format = "int32", example = "3") Integer householdSize,
        @Size(max = 20) @Schema(description = "References to documents held elsewhere (diagnosis, hospital bills), "
                + "never the documents", maxItems = 20)
        List<@NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:/-]+$", message = "只能含字母、数字和 . _ : / - / letters, digits and . _ : / - only") String> documentRefs,
        @NotBlank @Size(min = 5, max = MAX_DESCRIPTION)
        @Schema(required = true, description = "The illness and the need, in the applicant's words; stored encrypted, "
                + "never in lists", minLength = 5, maxLength = MAX_DESCRIPTION,
                example = "今年九月确诊肺癌，化疗自付部分约八千元，家中还有两个孩子上学。") String description,
        @Schema(description = "The station where the application is made, if any; its district goes into the figures")
        UUID stationId,
        @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9._:@|-]+$", message = "只能含字母、数字和 . _ : @ | - / letters, digits and . _ : @ | - only")
        @Schema(description = "Union staff only, and then required: the worker's account id, stored only as a "
                + "pseudonym. Not in a referral (the case's applicant is the worker)", maxLength = 255,
                example = "rider-42") String onBehalfOf) {

    /** ¥1,000,000. */
    static final long MAX_FEN = 100_000_000L;
    static final int MAX_DESCRIPTION = 2000;

    NewRelief toNew() {
        return new NewRelief(illnessCategory, amountRequestedFen, monthlyHouseholdIncomeFen, householdSize,
                documentRefs == null ? List.of() : documentRefs, description.strip(), stationId, onBehalfOf);
    }
}
