package org.yizhan.station.rest.standards;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.standards.ComplianceStatus;
import org.yizhan.station.domain.standards.Requirement;
import org.yizhan.station.domain.standards.Tier;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.standards.InspectionService;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Standards")
public class ComplianceResource {

    /** One requirement of the checklist. */
    @Schema(name = "StandardRequirement")
    public record RequirementView(@Schema(example = "TOILET") Requirement code, boolean basic,
                                  @Schema(example = "急可如厕", maxLength = FieldLimits.LABEL) String nameZh,
                                          @Schema(example = "A toilet", maxLength = FieldLimits.LABEL) String nameEn) {
    }

    /** The checklist and the rules' parameters. */
    @Schema(name = "Standard")
    public record StandardView(@Schema(maxItems = FieldLimits.LIST) List<RequirementView> requirements,
                               @Schema(example = "365", minimum = "0",
                                       maximum = FieldLimits.COUNT_MAX) int inspectionIntervalDays,
                               @Schema(example = "4", minimum = "0",
                                       maximum = FieldLimits.COUNT_MAX) int demonstrationOptionalItems) {
    }

    private final InspectionService inspections;

    public ComplianceResource(InspectionService inspections) {
        this.inspections = inspections;
    }

    @GET
    @Path("/standards")
    @PermitAll
    @Operation(summary = "The station standard",
            description = "Public. The checklist (basic requirements every station must meet, optional ones that count "
                    + "toward DEMONSTRATION), the inspection interval and how many optional items DEMONSTRATION needs.")
    public StandardView standard() {
        var rules = inspections.settings().rules();
        return new StandardView(Arrays.stream(Requirement.values())
                .map(r -> new RequirementView(r, r.isBasic(), r.nameZh(), r.nameEn())).toList(),
                rules.intervalDays(), rules.demonstrationOptionalItems());
    }

    @GET
    @Path("/{id}/compliance")
    @PermitAll
    @Operation(summary = "A station's compliance and tier",
            description = "Public. Derived from the latest union-admin inspection (self-checks do not count) and today: "
                    + "NON_COMPLIANT (a basic requirement NOT_MET, listed with the finding), OVERDUE (all met but "
                    + "today is after nextDueOn), NOT_INSPECTED, COMPLIANT. Tier DEMONSTRATION (compliant with enough "
                    + "optional items met), STANDARD (compliant), BASIC (otherwise).")
    @APIResponse(responseCode = "200", description = "The standing",
            content = @Content(schema = @Schema(implementation = ComplianceView.class)))
    @APIResponse(responseCode = "404", description = "No such station")
    public ComplianceView compliance(@PathParam("id") UUID stationId) {
        return ComplianceView.of(inspections.compliance(stationId));
    }

    @GET
    @Path("/compliance")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The district's compliance list",
            description = "For union admins: every station that is not CLOSED, NON_COMPLIANT first, then OVERDUE, "
                    + "NOT_INSPECTED and COMPLIANT; within a status the longest uninspected first.")
    @APIResponse(responseCode = "200", description = "A page of stations' standings")
    @APIResponse(responseCode = "400", description = "Invalid status, tier, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public Page<ComplianceView> district(
            @QueryParam("status") @Size(max = ParamLimits.CODE_LIST)
            @Parameter(description = "Comma-separated statuses; a list that names none (status=,) is a 400", example = "NON_COMPLIANT,OVERDUE") String status,
            @QueryParam("tier") @Size(max = ParamLimits.CODE_LIST)
            @Parameter(description = "Comma-separated tiers; a list that names none (tier=,) is a 400", example = "DEMONSTRATION") String tier,
            @QueryParam("district") @Size(max = ParamLimits.DISTRICT)
            @Parameter(description = "Only stations of this district", example = "大兴区") String district,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        Params params = new Params();
        Set<ComplianceStatus> statuses = params.enumList(ComplianceStatus.class, "status", listed(status));
        Set<Tier> tiers = params.enumList(Tier.class, "tier", listed(tier));
        params.throwIfAny();
        String only = district == null || district.isBlank() ? null : district.strip();
        var page = inspections.district(statuses, tiers, only, cursor, limit);
        return new Page<>(page.items().stream().map(ComplianceView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/figures")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The station network's figures",
            description = "The union's figures of its stations (四化: 社会化 by host type, 规范化 by tier): the stations "
                    + "that are not permanently CLOSED, of one district or of all, counted by host type and by the "
                    + "tier they have today (as in the compliance list). Every host type and tier is listed, with 0 "
                    + "when no station has it. Union admins and union staff.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = StationFiguresView.class)))
    @APIResponse(responseCode = "400", description = "Invalid district")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor union staff")
    public StationFiguresView figures(
            @QueryParam("district") @Parameter(description = "Only the stations of this district",
                    example = "大兴区", schema = @Schema(type = SchemaType.STRING, maxLength = ParamLimits.DISTRICT))
            String districtText) {
        Params params = new Params();
        String district = params.text("district", districtText, ParamLimits.DISTRICT);
        params.throwIfAny();
        return StationFiguresView.of(district, inspections.figures(district));
    }

    private static List<String> listed(String text) {
        return text == null ? List.of() : List.of(text);
    }
}
