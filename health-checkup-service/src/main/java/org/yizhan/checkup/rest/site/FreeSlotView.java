package org.yizhan.checkup.rest.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.site.SiteKind;
import org.yizhan.checkup.repository.FreeSlotQuery;

import java.time.Instant;
import java.util.UUID;

/** A slot a worker can book now, with where it is. */
@Schema(name = "FreeSlot")
public record FreeSlotView(
        @Schema(required = true) UUID slotId,
        @Schema(required = true) UUID campaignId,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true, minimum = "1", maximum = "1000") int free,
        @Schema(required = true) Place site,
        @Schema(description = "From the point searched near", minimum = "0", maximum = "100000") Double distanceMetres) {

    /** Where the slot is. */
    @Schema(name = "FreeSlotSite")
    public record Place(
            @Schema(required = true) UUID id,
            @Schema(required = true) SiteKind kind,
            @Schema(required = true, maxLength = SiteRequest.MAX_NAME) String name,
            @Schema(required = true, maxLength = SiteRequest.MAX_ADDRESS) String address,
            @Schema(required = true, minimum = "-90", maximum = "90") double latitude,
            @Schema(required = true, minimum = "-180", maximum = "180") double longitude) {
    }

    public static FreeSlotView of(FreeSlotQuery.FreeSlot s) {
        return new FreeSlotView(s.slotId(), s.campaignId(), s.startsAt(), s.endsAt(), s.free(),
                new Place(s.siteId(), s.kind(), s.siteName(), s.address(), s.latitude(), s.longitude()),
                s.distanceMetres() == null ? null : Math.round(s.distanceMetres() * 10) / 10.0);
    }
}
