package org.yizhan.checkup.rest.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.campaign.CheckupItem;
import org.yizhan.events.Occupation;

import java.util.List;

/** One occupation a campaign is for, and what its checkup includes. */
@Schema(name = "CheckupPackage")
public record PackageRequest(
        @NotNull Occupation occupation,
        @NotNull @Size(min = 1, max = CampaignRequest.MAX_ITEMS)
        @Schema(description = "Each item once", maxItems = CampaignRequest.MAX_ITEMS, example = "[\"BASIC\", \"BLOOD_ROUTINE\", \"ECG\"]")
        List<@NotNull CheckupItem> items) {
}
