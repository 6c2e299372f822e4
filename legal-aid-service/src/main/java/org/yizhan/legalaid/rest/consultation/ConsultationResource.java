package org.yizhan.legalaid.rest.consultation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
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
import org.yizhan.kit.http.Params;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.domain.consultation.ConsultationStatus;
import org.yizhan.legalaid.rest.Created;
import org.yizhan.legalaid.rest.Purpose;
import org.yizhan.legalaid.service.Creation;
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.consultation.ConsultationService;

import java.util.UUID;

@Path("/api/v1/legal-aid/consultations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Consultations", description = "Workers' legal questions by category, answered by lawyers or union staff")
public class ConsultationResource {

    private final ConsultationService consultations;
    private final Validation validation;
    private final Callers callers;

    public ConsultationResource(ConsultationService consultations, Validation validation, Callers callers) {
        this.consultations = consultations;
        this.validation = validation;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Ask a legal question",
            description = "Workers, online or at a lawyer's duty session; union staff record a question on a worker's "
                    + "behalf at a station or session (onBehalfOf). The question is stored encrypted. Recorded in the "
                    + "audit log.")
    @APIResponse(responseCode = "201", description = "Recorded (OPEN)",
            content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: what the first request created",
            content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Neither a worker nor union staff")
    public RestResponse<ConsultationView> askConsultation(
            @NotNull ConsultationRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Client-chosen key that makes retries safe",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN)) String idempotencyKey,
            UriInfo uri) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        Creation<Consultation> creation = consultations.ask(request.toNew(), callers.current(), idempotencyKey);
        Consultation c = creation.record();
        var location = uri.getBaseUriBuilder().path("api/v1/legal-aid/consultations").path(c.id.toString()).build();
        return Created.answer(creation.created(), location, view(c));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Answer a consultation",
            description = "Registered lawyers and union staff. OPEN → ANSWERED; publishes consultation.answered on "
                    + "yizhan.legalaid.v1 (category and channel, no personal details). Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not a registered lawyer nor union staff (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such consultation")
    @APIResponse(responseCode = "409", description = "Already answered")
    public ConsultationView answerConsultation(@PathParam("id") UUID id, @NotNull AnswerRequest request) {
        validation.check(request).throwIfAny();
        return view(consultations.answer(id, request.answer().strip(), callers.current()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "A consultation",
            description = "The worker who asked; union admins; the union staff member who recorded or answered it; a "
                    + "registered lawyer while it is open, and the lawyer who answered it. Everyone but the asker says "
                    + "why (purpose). Every read is recorded in the audit log, and so is a refused one (403).")
    @APIResponse(responseCode = "200", description = "The consultation",
            content = @Content(schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "400", description = "Staff without a purpose")
    @APIResponse(responseCode = "403", description = "Not one of the people who may see it (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such consultation")
    public ConsultationView consultation(
            @PathParam("id") UUID id,
            @QueryParam("purpose") @Parameter(description = "Why the consultation is read; required for everyone but "
                    + "the asker, kept in the audit log", schema = @Schema(type = SchemaType.STRING,
                    maxLength = Purpose.MAX_LENGTH, example = "答复咨询")) String purposeText) {
        return view(consultations.read(id, Purpose.of(purposeText), callers.current()));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "My consultations", description = "Newest first, without question and answer (read one for "
            + "them).")
    @APIResponse(responseCode = "200", description = "A page of consultations")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a worker")
    public Page<ConsultationSummaryView> myConsultations(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ConsultationStatus.class)) String statusText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        ConsultationStatus status = params.enumValue(ConsultationStatus.class, "status", statusText);
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        params.throwIfAny();
        return consultations.mine(callers.current(), status, cursor, limit).map(ConsultationSummaryView::of);
    }

    @GET
    @RolesAllowed({Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Consultations to answer or answered",
            description = "Registered lawyers: the open ones and those they answered; union staff: those they recorded "
                    + "or answered; union admins: all. Newest first, without question and answer.")
    @APIResponse(responseCode = "200", description = "A page of consultations")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a registered lawyer nor union staff")
    public Page<ConsultationSummaryView> consultations(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ConsultationStatus.class)) String statusText,
            @QueryParam("category") @Parameter(schema = @Schema(implementation = ConsultationCategory.class))
            String categoryText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        ConsultationStatus status = params.enumValue(ConsultationStatus.class, "status", statusText);
        ConsultationCategory category = params.enumValue(ConsultationCategory.class, "category", categoryText);
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        params.throwIfAny();
        return consultations.list(callers.current(), status, category, cursor, limit).map(ConsultationSummaryView::of);
    }

    private ConsultationView view(Consultation c) {
        return ConsultationView.of(c, consultations.question(c), c.answerEncrypted == null ? null : consultations.answer(c));
    }
}
