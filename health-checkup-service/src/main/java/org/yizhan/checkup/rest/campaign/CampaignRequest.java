package org.yizhan.checkup.rest.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.campaign.CheckupItem;
import org.yizhan.checkup.service.campaign.CampaignDetails;
import org.yizhan.events.Occupation;
import org.yizhan.kit.problem.FieldErrors;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** A campaign as the union plans it. */
@Schema(name = "CampaignRequest")
public record CampaignRequest(
        @NotBlank @Size(max = MAX_NAME) @Schema(maxLength = MAX_NAME, example = "2026年大兴区新就业形态劳动者免费健康体检")
        String name,
        @NotNull @Min(MIN_YEAR) @Max(MAX_YEAR) @Schema(minimum = "2000", maximum = "2100", example = "2026")
        Integer year,
        @NotBlank @Size(max = MAX_NAME) @Schema(maxLength = MAX_NAME, example = "大兴区总工会")
        String organiser,
        @Size(max = MAX_DESCRIPTION) @Schema(maxLength = MAX_DESCRIPTION)
        String description,
        @NotNull @Size(min = 1, max = MAX_PACKAGES) @Schema(description = "One per occupation the campaign is for",
                maxItems = MAX_PACKAGES)
        List<@NotNull @Valid PackageRequest> packages,
        @NotNull @Size(min = 1, max = MAX_CLINICS)
        @Schema(description = "Organisation codes of the partner clinics (the org claim of their tokens)",
                maxItems = MAX_CLINICS, example = "[\"daxing-district-hospital\"]")
        List<@NotNull @Pattern(regexp = CLINIC_CODE) @Size(max = MAX_CLINIC_CODE) String> clinics,
        @NotNull @Schema(example = "2026-12-07T00:00:00Z") Instant bookingOpensAt,
        @NotNull @Schema(example = "2026-12-31T15:59:59Z") Instant bookingClosesAt) {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PACKAGES = 6;
    static final int MAX_ITEMS = 13;
    static final int MAX_CLINICS = 50;
    /** A clinic's organisation code: the org claim of its staff's tokens. */
    public static final int MAX_CLINIC_CODE = 64;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    public static final String CLINIC_CODE = "^[a-z0-9][a-z0-9-]{0,63}$";

    /** The rules across fields, added to {@code errors}. */
    void checkRules(FieldErrors errors) {
        if (bookingOpensAt != null && bookingClosesAt != null && !bookingClosesAt.isAfter(bookingOpensAt)) {
            errors.add("bookingClosesAt", "须晚于 bookingOpensAt / must be after bookingOpensAt");
        }
        if (packages != null) {
            var seen = new HashSet<Occupation>();
            for (int i = 0; i < packages.size(); i++) {
                PackageRequest p = packages.get(i);
                if (p != null && p.occupation() != null && !seen.add(p.occupation())) {
                    errors.add("packages[" + i + "].occupation", "每个职业只能有一个套餐 / one package per occupation");
                }
                if (p != null && p.items() != null && new HashSet<>(p.items()).size() != p.items().size()) {
                    errors.add("packages[" + i + "].items", "项目重复 / an item is listed twice");
                }
            }
        }
        if (clinics != null && new HashSet<>(clinics).size() != clinics.size()) {
            errors.add("clinics", "机构重复 / a clinic is listed twice");
        }
    }

    CampaignDetails toDetails() {
        Map<Occupation, List<CheckupItem>> byOccupation = new EnumMap<>(Occupation.class);
        packages.forEach(p -> byOccupation.put(p.occupation(), List.copyOf(p.items())));
        return new CampaignDetails(name.strip(), year, organiser.strip(), description, byOccupation,
                List.copyOf(clinics), bookingOpensAt, bookingClosesAt);
    }
}
