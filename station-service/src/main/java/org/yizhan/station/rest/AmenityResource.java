package org.yizhan.station.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.StationAmenity;
import org.yizhan.station.service.StationAmenities;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Amenities", description = "What stations offer, and whether it works now")
public class AmenityResource {

    /** One entry of the taxonomy. */
    @Schema(name = "AmenityType")
    public record AmenityType(Amenity code, @Schema(maxLength = FieldLimits.LABEL) String nameZh,
            @Schema(maxLength = FieldLimits.LABEL) String nameEn) {
    }

    /** An amenity of a station. */
    @Schema(name = "StationAmenity")
    public record AmenityView(Amenity amenity, StationAmenity.Status status, Instant outOfOrderSince,
            @Schema(maxLength = FieldLimits.REASON) String note,
                              Instant updatedAt) {
        static AmenityView of(StationAmenity a) {
            return new AmenityView(Amenity.valueOf(a.key.amenity()), StationAmenity.Status.valueOf(a.status),
                    a.outOfOrderSince, a.note, a.updatedAt);
        }
    }

    /** Body of a full replacement. */
    @Schema(name = "StationAmenities")
    public record AmenitiesRequest(@NotNull @Size(max = 60) List<@NotNull @Valid AmenitySetting> amenities) {
    }

    /** One amenity as a manager sets it; status defaults to WORKING. */
    @Schema(name = "AmenitySetting")
    public record AmenitySetting(@NotNull @Schema(example = "MICROWAVE") Amenity amenity,
                                 @Schema(example = "WORKING") StationAmenity.Status status,
                                 @Size(max = 300) String note) {
    }

    /** Body of a status flip. */
    @Schema(name = "AmenityStatus")
    public record StatusRequest(@NotNull @Schema(example = "OUT_OF_ORDER") StationAmenity.Status status,
                                @Size(max = 300) @Schema(example = "压缩机故障，已报修") String note) {
    }

    private final StationAmenities amenities;
    private final SecurityIdentity identity;

    public AmenityResource(StationAmenities amenities, SecurityIdentity identity) {
        this.amenities = amenities;
        this.identity = identity;
    }

    @GET
    @Path("/amenities")
    @PermitAll
    @Operation(summary = "The amenity taxonomy", description = "Public. Codes to use in filters and settings.")
    @APIResponse(responseCode = "200", description = "The amenities", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = AmenityType.class, maxItems = FieldLimits.LIST)))
    public List<AmenityType> taxonomy() {
        return Arrays.stream(Amenity.values()).map(a -> new AmenityType(a, a.nameZh(), a.nameEn())).toList();
    }

    @GET
    @Path("/{id}/amenities")
    @PermitAll
    @Operation(summary = "A station's amenities and their status", description = "Public.")
    @APIResponse(responseCode = "200", description = "The station's amenities", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = AmenityView.class, maxItems = FieldLimits.LIST)))
    public List<AmenityView> of(@PathParam("id") UUID id) {
        return amenities.of(id).stream().map(AmenityView::of).toList();
    }

    @PUT
    @Path("/{id}/amenities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace a station's amenities",
            description = "Amenities left out are removed. Publishes station.amenities_changed.")
    @APIResponse(responseCode = "200", description = "The station's amenities now", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = AmenityView.class, maxItems = FieldLimits.LIST)))
    public List<AmenityView> replace(@PathParam("id") UUID id, @NotNull @Valid AmenitiesRequest request) {
        return amenities.replace(id, request.amenities().stream()
                        .map(s -> new StationAmenities.Setting(s.amenity(), s.status(), s.note())).toList(), identity)
                .stream().map(AmenityView::of).toList();
    }

    @PUT
    @Path("/{id}/amenities/{amenity}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Mark one amenity working or out of order",
            description = "Out of order records since when. Publishes station.amenities_changed.")
    @APIResponse(responseCode = "200", description = "The station's amenities now", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = AmenityView.class, maxItems = FieldLimits.LIST)))
    public List<AmenityView> setStatus(@PathParam("id") UUID id, @PathParam("amenity") Amenity amenity,
                                       @NotNull @Valid StatusRequest request) {
        return amenities.setStatus(id, amenity, request.status(), request.note(), identity)
                .stream().map(AmenityView::of).toList();
    }
}
