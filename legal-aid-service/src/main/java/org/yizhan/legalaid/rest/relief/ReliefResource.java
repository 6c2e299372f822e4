package org.yizhan.legalaid.rest.relief;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.rest.Created;
import org.yizhan.legalaid.rest.Purpose;
import org.yizhan.legalaid.service.Creation;
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.relief.ReliefPayments;
import org.yizhan.legalaid.service.relief.ReliefReviews;
import org.yizhan.legalaid.service.relief.ReliefService;

import java.util.UUID;

@Path("/api/v1/legal-aid/relief")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Relief", description = "Serious-illness relief (大病救助): applications, review with a second approver "
        + "above a threshold, payments")
public class ReliefResource {

    static final String PATH = "api/v1/legal-aid/relief";

    private final ReliefService reliefs;
    private final ReliefReviews reviews;
    private final ReliefPayments payments;
    private final Validation validation;
    private final Callers callers;

    public ReliefResource(ReliefService reliefs, ReliefReviews reviews, ReliefPayments payments, Validation validation,
                          Callers callers) {
        this.reliefs = reliefs;
        this.reviews = reviews;
        this.payments = payments;
        this.validation = validation;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Apply for serious-illness relief",
            description = "Workers, or union staff on a worker's behalf (onBehalfOf). Illness category, amount "
                    + "requested and the household's income in fen, household size, document references and a "
                    + "description (stored encrypted). SUBMITTED; recorded in the audit log.")
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(schema = @Schema(implementation = ReliefView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: what the first request created",
            content = @Content(schema = @Schema(implementation = ReliefView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Neither a worker nor union staff")
    public RestResponse<ReliefView> applyForRelief(
            @NotNull ReliefRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Client-chosen key that makes retries safe",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN)) String idempotencyKey,
            UriInfo uri) {
        validation.check(request).throwIfAny();
        Creation<ReliefApplication> creation = reliefs.apply(request.toNew(), callers.current(), idempotencyKey);
        ReliefApplication r = creation.record();
        var location = uri.getBaseUriBuilder().path(PATH).path(r.id.toString()).build();
        return Created.answer(creation.created(), location, view(r));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "A relief file",
            description = "The applicant; union admins; the union staff member who recorded it and those who reviewed "
                    + "it; not lawyers (the referring one included). Everyone but the applicant says why (purpose). "
                    + "Every read is recorded in the audit log, and so is a refused one (403).")
    @APIResponse(responseCode = "200", description = "The relief file",
            content = @Content(schema = @Schema(implementation = ReliefView.class)))
    @APIResponse(responseCode = "400", description = "Staff without a purpose")
    @APIResponse(responseCode = "403", description = "Not one of the people who may see it (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such relief file")
    public ReliefView relief(
            @PathParam("id") UUID id,
            @QueryParam("purpose") @Parameter(description = "Why the file is read; required for everyone but the "
                    + "applicant, kept in the audit log", schema = @Schema(type = SchemaType.STRING,
                    maxLength = Purpose.MAX_LENGTH, example = "审核大病救助申请")) String purposeText) {
        return view(reliefs.read(id, Purpose.of(purposeText), callers.current()));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "My relief applications", description = "Newest first, without description or income (read one "
            + "for them).")
    @APIResponse(responseCode = "200", description = "A page of relief files")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a worker")
    public Page<ReliefSummaryView> myRelief(@BeanParam ReliefListQuery query) {
        ReliefListQuery.Checked q = query.check();
        return reliefs.mine(callers.current(), q.status(), q.cursor(), q.limit()).map(ReliefSummaryView::of);
    }

    @GET
    @RolesAllowed({Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Relief files to review or reviewed",
            description = "Union staff: those they recorded or reviewed; union admins: all (status=SUBMITTED and "
                    + "APPROVED_ONCE are the review queue). Newest first, without description or income.")
    @APIResponse(responseCode = "200", description = "A page of relief files")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not union staff")
    public Page<ReliefSummaryView> reliefFiles(@BeanParam ReliefListQuery query) {
        ReliefListQuery.Checked q = query.check();
        return reliefs.list(callers.current(), q.status(), q.cursor(), q.limit()).map(ReliefSummaryView::of);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Approve a relief application",
            description = "Union admins and the union staff member who recorded it, with the amount granted (at most "
                    + "the amount requested). At or below the threshold (yizhan.legal-aid.relief.second-approval-above-fen) "
                    + "SUBMITTED → GRANTED; above it SUBMITTED → APPROVED_ONCE, and a second approver who is not the first "
                    + "grants it (APPROVED_ONCE → GRANTED; they may lower the amount, not raise it). Granting publishes "
                    + "relief.granted (category and amount, no personal details). Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Approved (APPROVED_ONCE) or granted (GRANTED)",
            content = @Content(schema = @Schema(implementation = ReliefView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or more than requested (or than the first approver's amount)")
    @APIResponse(responseCode = "403", description = "May not review it (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such relief file")
    @APIResponse(responseCode = "409", description = "The first approver approves again, or the file was decided already")
    public ReliefView approveRelief(@PathParam("id") UUID id, @NotNull ApprovalRequest request) {
        validation.check(request).throwIfAny();
        return view(reviews.approve(id, request.amountGrantedFen(), callers.current()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Reject a relief application",
            description = "Union admins and the union staff member who recorded it, with a reason (stored encrypted), "
                    + "from SUBMITTED or APPROVED_ONCE. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = ReliefView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "May not review it (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such relief file")
    @APIResponse(responseCode = "409", description = "Decided already")
    public ReliefView rejectRelief(@PathParam("id") UUID id, @NotNull RejectionRequest request) {
        validation.check(request).throwIfAny();
        return view(reviews.reject(id, request.reason().strip(), callers.current()));
    }

    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Record a payment of granted relief",
            description = "Union admins and the union staff member who recorded or approved it. In one payment or "
                    + "several; together at most the amount granted; paid in full GRANTED → PAID. Recorded in the "
                    + "audit log.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ReliefView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or a payment day in the future")
    @APIResponse(responseCode = "403", description = "May not record it (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such relief file")
    @APIResponse(responseCode = "409", description = "Not granted, paid in full already, or more than what remains")
    public ReliefView payRelief(@PathParam("id") UUID id, @NotNull PaymentRequest request) {
        validation.check(request).throwIfAny();
        return view(payments.pay(id, request.amountFen(), request.paidOn(), request.reference(), callers.current()));
    }

    private ReliefView view(ReliefApplication r) {
        return ReliefView.of(r, reliefs.description(r), reviews.rejectionReason(r), payments.of(r));
    }
}
