package org.yizhan.services.service.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What an organiser says about an activity when creating or changing it. */
@Schema(description = "An activity as an organiser plans it", example = """
        {"type":"HAIRCUT","title":"爱心义剪进驿站","description":"理发师志愿者为小哥免费理发",
         "stationId":"6c1f6a52-8d2e-4a57-9d0b-3f7e0f1c2a11","startsAt":"2026-12-12T06:00:00Z",
         "endsAt":"2026-12-12T09:00:00Z","capacity":30,"occupations":["COURIER","FOOD_DELIVERY"],
         "organisers":["youth-league","womens-federation"]}""")
public record ActivityDetails(
        @NotBlank @Pattern(regexp = ActivityRules.TYPE_CODE) @Size(max = ActivityRules.TYPE_CODE_MAX) String type,
        @NotBlank @Size(max = ActivityRules.TITLE_MAX) String title,
        @Size(max = ActivityRules.DESCRIPTION_MAX) String description,
        @NotNull UUID stationId,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Min(1) @Max(ActivityRules.CAPACITY_MAX) Integer capacity,
        @Size(max = ActivityRules.OCCUPATIONS_MAX) Set<Occupation> occupations,
        @Schema(description = "Partner codes; a partner's own organisation is always included. Co-organised "
                + "activities name several and are counted once.")
        @Size(max = ActivityRules.MAX_ORGANISERS)
        Set<@NotBlank @Size(max = ActivityRules.PARTNER_CODE_MAX) String> organisers) {
}
