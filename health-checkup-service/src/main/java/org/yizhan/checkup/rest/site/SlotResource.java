package org.yizhan.checkup.rest.site;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.checkup.repository.FreeSlotQuery;
import org.yizhan.checkup.service.site.SlotSearch;
import org.yizhan.events.Occupation;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/checkups/slots")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Sites and slots")
public class SlotResource {

    private final SlotSearch search;

    public SlotResource(SlotSearch search) {
        this.search = search;
    }

    @GET
    @Authenticated
    @Operation(summary = "Free slots",
            description = "Slots a worker can book now: published campaigns inside their booking window, not started, "
                    + "with a free place, at a site that is open; soonest first. Near a point (lat and lon, "
                    + "radiusKm, default 5) or at one site; for an occupation (campaigns that have a package for it) "
                    + "and a day (Beijing).")
    @APIResponse(responseCode = "200", description = "A page of free slots; distanceMetres when searching near a point")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public Page<FreeSlotView> freeSlots(
            @QueryParam("lat") @Parameter(schema = @Schema(type = SchemaType.NUMBER, minimum = "-90", maximum = "90",
                    example = "39.7268")) String latText,
            @QueryParam("lon") @Parameter(schema = @Schema(type = SchemaType.NUMBER, minimum = "-180", maximum = "180",
                    example = "116.3411")) String lonText,
            @QueryParam("radiusKm") @Parameter(schema = @Schema(type = SchemaType.NUMBER, minimum = "0.1", maximum = "50",
                    defaultValue = "5")) String radiusText,
            @QueryParam("campaignId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String campaignText,
            @QueryParam("siteId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String siteText,
            @QueryParam("occupation") @Parameter(schema = @Schema(implementation = Occupation.class)) String occupationText,
            @QueryParam("day") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date",
                    example = "2026-12-12")) String dayText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String cursor) {
        Params params = new Params();
        Double lat = params.number("lat", latText, -90, 90);
        Double lon = params.number("lon", lonText, -180, 180);
        Double radiusKm = params.number("radiusKm", radiusText, 0.1, 50);
        UUID campaignId = params.uuid("campaignId", campaignText);
        UUID siteId = params.uuid("siteId", siteText);
        Occupation occupation = params.enumValue(Occupation.class, "occupation", occupationText);
        LocalDate day = params.date("day", dayText);
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        if ((lat == null) != (lon == null) && !params.errors().has("lat") && !params.errors().has("lon")) {
            params.errors().add(lat == null ? "lat" : "lon", "lat 与 lon 须同时给出 / give both lat and lon");
        }
        params.throwIfAny();
        GeoCircle near = lat == null || lon == null ? null
                : new GeoCircle(new GeoPoint(lat, lon), 1000 * (radiusKm == null ? 5 : radiusKm));
        var filter = new FreeSlotQuery.Filter(campaignId, siteId,
                day == null ? null : day.atStartOfDay(FiguresPeriod.BEIJING).toInstant(),
                day == null ? null : day.plusDays(1).atStartOfDay(FiguresPeriod.BEIJING).toInstant(), occupation, near);
        return search.free(filter, cursor, limit).map(FreeSlotView::of);
    }
}
