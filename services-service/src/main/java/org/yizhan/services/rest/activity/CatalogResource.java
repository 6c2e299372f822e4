package org.yizhan.services.rest.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.yizhan.services.service.activity.ActivityRules;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.services.service.activity.ActivityCatalog;

import java.util.List;
import java.util.regex.Pattern;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Activity catalogue", description = "Activity types and partner departments")
public class CatalogResource {

    private static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern PARTNER_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final ActivityCatalog catalog;

    public CatalogResource(ActivityCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/types")
    @Authenticated
    @Operation(summary = "The activity taxonomy", description = "Built-in types first, then those admins added.")
    @APIResponse(responseCode = "200", description = "The types", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = CatalogEntryView.class, maxItems = ActivityRules.CATALOG_ENTRIES_MAX)))
    public List<CatalogEntryView> types() {
        return catalog.types().stream().map(CatalogEntryView::of).toList();
    }

    @POST
    @Path("/types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Add an activity type", description = "Union admins. Codes are upper case: FREE_MASSAGE.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "409", description = "The code exists, or the catalogue is full")
    public CatalogEntryView addType(@NotNull @Valid CatalogEntryRequest request) {
        if (!TYPE_CODE.matcher(request.code()).matches()) {
            throw ProblemException.invalidField("code", "大写字母、数字与下划线，如 FREE_MASSAGE / upper-case letters, digits, _");
        }
        return CatalogEntryView.of(catalog.addType(request.code(), request.nameZh().strip(), request.nameEn().strip()));
    }

    @GET
    @Path("/partners")
    @Authenticated
    @Operation(summary = "Partner departments", description = "A partner system's token names one of these codes in its org claim.")
    @APIResponse(responseCode = "200", description = "The partners", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = CatalogEntryView.class, maxItems = ActivityRules.CATALOG_ENTRIES_MAX)))
    public List<CatalogEntryView> partners() {
        return catalog.partners().stream().map(CatalogEntryView::of).toList();
    }

    @POST
    @Path("/partners")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Register a partner department", description = "Union admins. Codes are lower case: street-office.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "The code exists, or the catalogue is full")
    public CatalogEntryView addPartner(@NotNull @Valid CatalogEntryRequest request) {
        if (!PARTNER_CODE.matcher(request.code()).matches()) {
            throw ProblemException.invalidField("code", "小写字母、数字与连字符，如 street-office / lower-case letters, digits, -");
        }
        return CatalogEntryView.of(catalog.addPartner(request.code(), request.nameZh().strip(), request.nameEn().strip()));
    }
}
