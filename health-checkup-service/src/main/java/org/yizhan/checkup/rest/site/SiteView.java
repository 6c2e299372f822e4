package org.yizhan.checkup.rest.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.site.Site;
import org.yizhan.checkup.domain.site.SiteKind;

import java.util.UUID;

/** A campaign's site. */
@Schema(name = "Site")
public record SiteView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID campaignId,
        @Schema(required = true) SiteKind kind,
        @Schema(required = true, maxLength = SiteRequest.MAX_CLINIC) String clinic,
        UUID stationId,
        @Schema(required = true, maxLength = SiteRequest.MAX_NAME) String name,
        @Schema(required = true, maxLength = SiteRequest.MAX_ADDRESS) String address,
        @Schema(required = true, minimum = "-90", maximum = "90") double latitude,
        @Schema(required = true, minimum = "-180", maximum = "180") double longitude,
        @Schema(description = "Present while the station is paused or closed: its slots are not offered",
                maxLength = 300) String warning) {

    public static SiteView of(Site s) {
        return new SiteView(s.id, s.campaignId, s.kind, s.clinic, s.stationId, s.name, s.address, s.latitude,
                s.longitude, s.warning);
    }
}
