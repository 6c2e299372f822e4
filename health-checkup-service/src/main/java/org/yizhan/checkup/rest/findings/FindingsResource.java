package org.yizhan.checkup.rest.findings;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.checkup.domain.findings.FindingReport;
import org.yizhan.checkup.service.findings.FindingsService;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.OrganisationClaim;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;

import java.util.UUID;

@Path("/api/v1/checkups/campaigns/{id}/findings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Findings", description = "Clinics' de-identified aggregate findings per campaign; results stay with the clinic")
public class FindingsResource {

    private static final String UPLOAD_EXAMPLE = """
            {"siteId": "6f1c2b7e-0a5d-4e3f-9b8a-7c6d5e4f3a2b", "examined": 120,
             "counts": [{"category": "HYPERTENSION", "persons": 23}, {"category": "LUMBAR_SPINE", "persons": 31},
                        {"category": "ABNORMAL_ECG", "persons": 3}]}""";

    private final FindingsService findings;
    private final Validation validation;
    private final SecurityIdentity identity;

    public FindingsResource(FindingsService findings, Validation validation, SecurityIdentity identity) {
        this.findings = findings;
        this.validation = validation;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINIC)
    @Operation(summary = "Upload a clinic's aggregate findings",
            description = "Clinics of the campaign (their token's org). The number examined and, per category of a "
                    + "closed list, how many of them had the finding (a worker may count in several categories); for "
                    + "one site the clinic examines at, or for the whole campaign (siteId absent) - a clinic does one "
                    + "or the other per campaign. No other field is accepted: no person-level data. Uploading again "
                    + "for the same site (or the whole campaign) replaces the report. Answers the stored report.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingsUpload.class),
            examples = @ExampleObject(name = "site", value = UPLOAD_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Stored (replacing the previous report of the same scope)",
            content = @Content(schema = @Schema(implementation = FindingsView.ReportView.class)))
    @APIResponse(responseCode = "400", description = "Invalid report (a count above examined, a category twice, an "
            + "unknown field, a site not of the campaign)")
    @APIResponse(responseCode = "403", description = "Not a clinic of the campaign, or not the site's clinic")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign is a draft, or the clinic reports at the other scope")
    public FindingsView.ReportView upload(@PathParam("id") UUID campaignId, @NotNull FindingsUpload request) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        FindingReport stored = findings.upload(campaignId, request.siteId(), clinic(), request.examined(),
                request.countMap());
        return new FindingsView.ReportView(stored.siteId(), null, stored.clinic(), stored.examined(),
                stored.counts().entrySet().stream().map(e -> new FindingsView.CellView(e.getKey(), e.getValue(), false))
                        .toList(), stored.reportedAt());
    }

    @GET
    @RolesAllowed({Roles.UNION_ADMIN, Roles.CLINIC})
    @Operation(summary = "A campaign's aggregate findings",
            description = "Union admins see every clinic's reports, a clinic of the campaign its own; each report and "
                    + "the total over them. Cells are suppressed (persons absent, suppressed true) when they count 1 "
                    + "to minimumCell - 1 workers or leave only that many of the examined without the finding; a report "
                    + "that examined fewer than minimumCell is hidden whole; and where a column would otherwise have one "
                    + "hidden report cell under a shown total, the smallest other report cell (or the total) is hidden "
                    + "too, so that no hidden cell can be worked out by subtraction. minimumCell is "
                    + "YIZHAN_CHECKUP_FINDINGS_MINIMUM_CELL (default 5).")
    @APIResponse(responseCode = "200", description = "The findings",
            content = @Content(schema = @Schema(implementation = FindingsView.class)))
    @APIResponse(responseCode = "403", description = "Neither a union admin nor a clinic of the campaign")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public FindingsView read(@PathParam("id") UUID campaignId) {
        return FindingsView.of(findings.read(campaignId, identity.hasRole(Roles.UNION_ADMIN) ? null : clinic()));
    }

    private String clinic() {
        return OrganisationClaim.of(identity).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "体检机构的令牌须带有机构代码（org）", "A clinic's token must carry its organisation code (org)"));
    }
}
