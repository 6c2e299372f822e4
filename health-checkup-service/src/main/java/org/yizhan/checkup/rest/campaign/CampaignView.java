package org.yizhan.checkup.rest.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.campaign.CampaignStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign as clients see it. */
@Schema(name = "Campaign")
public record CampaignView(
        @Schema(required = true) UUID id,
        @Schema(required = true, maxLength = CampaignRequest.MAX_NAME) String name,
        @Schema(required = true, minimum = "2000", maximum = "2100") int year,
        @Schema(required = true, maxLength = CampaignRequest.MAX_NAME) String organiser,
        @Schema(maxLength = CampaignRequest.MAX_DESCRIPTION) String description,
        @Schema(required = true, maxItems = CampaignRequest.MAX_PACKAGES) List<PackageRequest> packages,
        @Schema(required = true, maxItems = CampaignRequest.MAX_CLINICS) List<@jakarta.validation.constraints.Size(max = CampaignRequest.MAX_CLINIC_CODE) String> clinics,
        @Schema(required = true) Instant bookingOpensAt,
        @Schema(required = true) Instant bookingClosesAt,
        @Schema(required = true) CampaignStatus status,
        Instant publishedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, minimum = "0", maximum = "2147483647") int version) {

    public static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.name, c.year, c.organiser, c.description,
                c.packages.entrySet().stream().map(e -> new PackageRequest(e.getKey(), e.getValue())).toList(),
                List.of(c.clinics), c.bookingOpensAt, c.bookingClosesAt, c.status, c.publishedAt, c.createdAt,
                c.version);
    }
}
