package org.yizhan.station.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.hours.OpeningHoursForm;
import org.yizhan.station.service.StationHours;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/stations/{id}/hours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opening hours", description = "Weekly hours, seasons, dated exceptions, holidays and make-up working days")
public class HoursResource {

    /** A station's hours and what they mean now. */
    @Schema(name = "StationHours")
    public record HoursView(OpeningHoursForm hours, boolean openNow,
                            @Schema(description = "Next opening or closing within 14 days, if any") Instant nextChange) {
        static HoursView of(StationHours.Answer a) {
            return new HoursView(a.hours(), a.openNow(), a.nextChange());
        }
    }

    private final StationHours hours;
    private final SecurityIdentity identity;
    private final AppClock clock;

    public HoursResource(StationHours hours, SecurityIdentity identity, AppClock clock) {
        this.hours = hours;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Operation(operationId = "getOpeningHours", summary = "A station's opening hours and whether it is open now",
            description = "Public.")
    public HoursView get(@PathParam("id") UUID id) {
        return hours.get(id, clock.now()).map(HoursView::of)
                .orElseThrow(() -> ProblemException.notFound("该站点的开放时间", "This station's opening hours"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Set a station's opening hours",
            description = "weekly uses the compact form: `Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off`, "
                    + "`24/7`; a period whose end is not after its start runs past midnight. Times are local to "
                    + "timeZone (default Asia/Shanghai). Publishes station.updated.")
    public HoursView set(@PathParam("id") UUID id, @NotNull @Valid OpeningHoursForm form) {
        return HoursView.of(hours.set(id, form, identity));
    }
}
