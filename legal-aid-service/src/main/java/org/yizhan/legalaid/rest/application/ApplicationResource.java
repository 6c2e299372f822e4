package org.yizhan.legalaid.rest.application;

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
import org.yizhan.legalaid.domain.application.CaseStage;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.service.application.ApplicationService;
import org.yizhan.legalaid.service.application.Assignments;
import org.yizhan.legalaid.service.application.CaseAmounts;
import org.yizhan.legalaid.service.application.CaseStages;
import org.yizhan.legalaid.service.application.Closings;
import org.yizhan.legalaid.service.application.DeadlineQueue;
import org.yizhan.legalaid.service.application.Decisions;
import org.yizhan.legalaid.service.application.Supplements;
import org.yizhan.legalaid.rest.Created;
import org.yizhan.legalaid.rest.Purpose;
import org.yizhan.legalaid.service.Creation;
import org.yizhan.legalaid.service.audit.Callers;

import java.util.UUID;

@Path("/api/v1/legal-aid/applications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Applications", description = "Applying for legal aid: intake, the duplicate and conflict check, deadlines")
public class ApplicationResource {

    private final ApplicationService applications;
    private final Supplements supplements;
    private final DeadlineQueue deadlines;
    private final Decisions decisions;
    private final Assignments assignments;
    private final CaseAmounts amounts;
    private final Closings closings;
    private final CaseStages stages;
    private final Validation validation;
    private final Callers callers;

    public ApplicationResource(ApplicationService applications, Supplements supplements, DeadlineQueue deadlines,
                               Decisions decisions, Assignments assignments, CaseAmounts amounts,
                               Closings closings, CaseStages stages, Validation validation, Callers callers) {
        this.stages = stages;
        this.closings = closings;
        this.amounts = amounts;
        this.decisions = decisions;
        this.assignments = assignments;
        this.applications = applications;
        this.supplements = supplements;
        this.deadlines = deadlines;
        this.validation = validation;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Apply for legal aid",
            description = "Workers, or union staff on a worker's behalf (onBehalfOf). A group case: coApplicants (at "
                    + "most 199 other workers by account id, each with the amount they claim; the application's "
                    + "amount claimed is the sum). Where it counts: stationId (staff at a station) or district. "
                    + "From a consultation in one step: "
                    + "give consultationId and the category and question are carried over. Taken as complete today "
                    + "(Beijing): decideBy is 7 working days later on the official calendar. Recorded in the audit log.")
    @APIResponse(responseCode = "201", description = "Taken in",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: what the first request created",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Neither a worker nor union staff")
    @APIResponse(responseCode = "404", description = "No such consultation")
    public RestResponse<ApplicationView> applyForLegalAid(
            @NotNull ApplicationRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Client-chosen key that makes retries safe",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN)) String idempotencyKey,
            UriInfo uri) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        String creditCode = request.checkedCreditCode(errors);
        errors.throwIfAny();
        Creation<LegalAidApplication> creation = applications.take(request.toNew(creditCode), callers.current(),
                idempotencyKey);
        LegalAidApplication a = creation.record();
        var location = uri.getBaseUriBuilder().path("api/v1/legal-aid/applications").path(a.id.toString()).build();
        return Created.answer(creation.created(), location, view(a));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "An application",
            description = "The applicant and the co-applicants of a group case; union admins, the union staff member "
                    + "who recorded it and the case's lawyers, with a purpose. "
                    + "Every read is recorded in the audit log, and so is a refused one (403).")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Staff without a purpose")
    @APIResponse(responseCode = "403", description = "Not one of the people who may see it (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such application")
    public ApplicationView application(@PathParam("id") UUID id, @QueryParam("purpose") @Parameter(
            description = "Why it is read; required for everyone but the applicant, kept in the audit log",
            schema = @Schema(type = SchemaType.STRING, maxLength = Purpose.MAX_LENGTH)) String purposeText) {
        return view(applications.read(id, Purpose.of(purposeText), callers.current()));
    }

    @GET
    @Path("/{id}/conflicts")
    @RolesAllowed({Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "The duplicate and conflict check",
            description = "Union admins and the recording staff member, with a purpose. Every other application, "
                    + "pending intakes included, of the same applicant, of the same opposing party (spacing, full-width "
                    + "characters and company-type suffix aside) or with the same credit code; newest first, at most 50.")
    @APIResponse(responseCode = "200", description = "The matches")
    @APIResponse(responseCode = "400", description = "No purpose")
    @APIResponse(responseCode = "403", description = "Not allowed (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such application")
    public Page<ConflictMatchView> applicationConflicts(@PathParam("id") UUID id, @QueryParam("purpose") @Parameter(
            description = "Why the check is run, kept in the audit log",
            schema = @Schema(type = SchemaType.STRING, maxLength = Purpose.MAX_LENGTH)) String purposeText) {
        return new Page<>(applications.conflicts(id, Purpose.of(purposeText), callers.current()).stream()
                .map(ConflictMatchView::of).toList(), null);
    }

    @POST
    @Path("/{id}/conflict-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Record the decision on the check",
            description = "Union admins and the recording staff member: NO_CONFLICT, DUPLICATE or CONFLICT_OF_INTEREST, "
                    + "with a note. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not allowed (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such application")
    public ApplicationView decideApplicationConflicts(@PathParam("id") UUID id, @NotNull ConflictDecisionRequest request) {
        validation.check(request).throwIfAny();
        return view(applications.decide(id, request.decision(), request.note() == null ? null : request.note().strip(),
                callers.current()));
    }

    @POST
    @Path("/{id}/supplement-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Ask the applicant for missing material",
            description = "Union admins and the recording staff member, all that is missing at once. The decision "
                    + "deadline stops (decideBy absent) until the material arrives. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Asked",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not allowed (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Material is already awaited")
    public ApplicationView requestSupplement(@PathParam("id") UUID id, @NotNull SupplementRequestBody request) {
        validation.check(request).throwIfAny();
        return view(supplements.request(id, request.note().strip(), callers.current()));
    }

    @POST
    @Path("/{id}/supplement-received")
    @RolesAllowed({Roles.WORKER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "The missing material has arrived",
            description = "The applicant, union admins or the recording staff member. The deadline runs again: "
                    + "decideBy is 7 working days after completeOn without the working days spent waiting.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "No material is awaited")
    public ApplicationView supplementReceived(@PathParam("id") UUID id) {
        return view(supplements.received(id, callers.current()));
    }

    @GET
    @Path("/due")
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Overdue and due-soon applications",
            description = "Union admins. Undecided applications past their decideBy, and those due within "
                    + "withinWorkingDays working days (official calendar), most urgent first; an application waiting "
                    + "for material has no deadline and is not listed. No names or facts. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "A page of applications")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public Page<ApplicationSummaryView> applicationsDue(
            @QueryParam("withinWorkingDays") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = "30", defaultValue = "2")) String withinText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "50")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        Integer within = params.integer("withinWorkingDays", withinText, 0, 30, 2);
        Integer limit = params.integer("limit", limitText, 1, 100, 50);
        params.throwIfAny();
        return deadlines.due(within, callers.current(), cursor, limit).map(ApplicationSummaryView::of);
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "My applications", description = "Newest first, with their deadlines (read one for the rest); "
            + "with open=true only the applications and cases not yet ended: INTAKE, ACCEPTED (a case not yet "
            + "closed) and APPEALED.")
    @APIResponse(responseCode = "200", description = "A page of applications")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a worker")
    public Page<ApplicationSummaryView> myApplications(
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20")) String limitText,
            @QueryParam("open") @Parameter(description = "true: only the applications and cases not yet ended",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String openText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        boolean open = params.flag("open", openText, false);
        params.throwIfAny();
        return applications.mine(callers.current(), open, cursor, limit).map(ApplicationSummaryView::of);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Decide an application",
            description = "Union admins. ACCEPT (only after the conflict check was decided NO_CONFLICT; publishes "
                    + "case.accepted, and a lawyer is due within 3 working days: assignBy), REJECT with a reason, or "
                    + "REFER with a referral code. Once. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Already decided, material awaited, or no conflict check decided")
    public ApplicationView decideApplication(@PathParam("id") UUID id, @NotNull DecisionRequest request) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        return view(decisions.decide(id, request.outcome(), request.reason() == null ? null : request.reason().strip(),
                request.referralCode(), callers.current()));
    }

    @POST
    @Path("/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Object to a rejection",
            description = "The applicant, or the union staff member who recorded the application, once: REJECTED → "
                    + "APPEALED, with grounds (stored encrypted). The objection is decided by the justice bureau "
                    + "(法律援助法 Art. 49). Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not the applicant (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Not rejected, or already appealed")
    public ApplicationView appealRejection(@PathParam("id") UUID id, @NotNull AppealRequest request) {
        validation.check(request).throwIfAny();
        return view(decisions.appeal(id, request.grounds().strip(), callers.current()));
    }

    @POST
    @Path("/{id}/lawyers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Assign a lawyer to an accepted case",
            description = "Union admins; a registered lawyer, at most 20 per case. Publishes case.assigned (whether "
                    + "it came by assignBy). From then on the lawyer may read the case (with a purpose); a lawyer not "
                    + "assigned gets 403, recorded in the audit log. Assigning the same lawyer again changes nothing.")
    @APIResponse(responseCode = "200", description = "Assigned",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "No such lawyer")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Not an accepted case, or the case has 20 lawyers")
    public ApplicationView assignLawyer(@PathParam("id") UUID id, @NotNull AssignmentRequest request) {
        validation.check(request).throwIfAny();
        return view(assignments.assign(id, request.lawyerId(), callers.current()));
    }

    @POST
    @Path("/{id}/amounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LAWYER, Roles.UNION_ADMIN})
    @Operation(summary = "Record an amount awarded or recovered",
            description = "Union admins and the case's lawyers, for an accepted case: AWARDED by a MEDIATION "
                    + "agreement, an ARBITRAL_AWARD or a JUDGMENT, or RECOVERED by a PAYMENT, in fen, for one worker "
                    + "of the case (worker: required in a group case). Recovered above awarded (per worker and for "
                    + "the case) is recorded with a warning, not refused. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "The case's amounts after this one",
            content = @Content(schema = @Schema(implementation = AmountsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or no such worker in the case")
    @APIResponse(responseCode = "403", description = "Not the case's lawyer nor a union admin (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "Not an accepted case")
    public AmountsView recordCaseAmount(@PathParam("id") UUID id, @NotNull AmountRequest request) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        return AmountsView.of(amounts.record(id, request.worker(), request.kind(), request.basis(), request.amountFen(),
                request.onDate(), callers.current()));
    }

    @GET
    @Path("/{id}/amounts")
    @RolesAllowed({Roles.WORKER, Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "The amounts of a case",
            description = "Claimed, awarded and recovered, each its own figure, with every amount recorded. For those "
                    + "who may see the case (staff with a purpose); audited.")
    @APIResponse(responseCode = "200", description = "The amounts",
            content = @Content(schema = @Schema(implementation = AmountsView.class)))
    @APIResponse(responseCode = "400", description = "Staff without a purpose")
    @APIResponse(responseCode = "403", description = "Not allowed (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such case")
    public AmountsView caseAmounts(@PathParam("id") UUID id, @QueryParam("purpose") @Parameter(
            description = "Why it is read; required for everyone but the applicant",
            schema = @Schema(type = SchemaType.STRING, maxLength = Purpose.MAX_LENGTH)) String purposeText) {
        return AmountsView.of(amounts.read(id, Purpose.of(purposeText), callers.current()));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LAWYER, Roles.UNION_ADMIN})
    @Operation(summary = "Close a case with its closing form",
            description = "The case's lawyers or a union admin, once: ACCEPTED → CLOSED with the result and a reason "
                    + "(stored encrypted). Publishes case.closed with the case's claimed, awarded and recovered amounts "
                    + "kept apart. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not the case's lawyer nor a union admin (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "Not an open case")
    public ApplicationView closeCase(@PathParam("id") UUID id, @NotNull ClosingRequest request) {
        validation.check(request).throwIfAny();
        return view(closings.close(id, request.result(), request.reason().strip(), callers.current()));
    }

    @POST
    @Path("/{id}/appeal-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "Record the justice bureau's decision on an objection",
            description = "Union admins, once, for an APPEALED application: UPHELD (the rejection stands: "
                    + "REJECTION_UPHELD, final) or OVERTURNED (legal aid is to be given: the application becomes an "
                    + "ACCEPTED case at once, a lawyer due within 3 working days (assignBy); publishes case.accepted). "
                    + "Recorded in the audit log, and so is an attempt by a lawyer or other union staff (403).")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing changes")
    @APIResponse(responseCode = "403", description = "Not a union admin (a lawyer's or staff member's attempt is "
            + "recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Not an objection pending a decision (none, or decided already)")
    public ApplicationView decideAppeal(@PathParam("id") UUID id, @NotNull AppealDecisionRequest request) {
        validation.check(request).throwIfAny();
        return view(decisions.decideAppeal(id, request.decision(), request.reference(), callers.current()));
    }

    @POST
    @Path("/{id}/stages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LAWYER, Roles.UNION_ADMIN})
    @Operation(summary = "Start a stage of a case",
            description = "The case's lawyers or a union admin, for an open (ACCEPTED) case: MEDIATION, ARBITRATION, "
                    + "FIRST_INSTANCE, APPEAL or ENFORCEMENT, in this order. A stage may be skipped, never recorded twice "
                    + "or after a later one; it starts when the stage before has ended, not before that day and not "
                    + "in the future. Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "The case's stages",
            content = @Content(schema = @Schema(implementation = StagesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing changes")
    @APIResponse(responseCode = "403", description = "Not the case's lawyer nor a union admin (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "Not an open case, the stage is not after the latest one, or the "
            + "current stage has not ended")
    public StagesView startCaseStage(@PathParam("id") UUID id, @NotNull StageStartRequest request) {
        validation.check(request).throwIfAny();
        return StagesView.of(stages.start(id, request.stage(), request.startedOn(), callers.current()));
    }

    @POST
    @Path("/{id}/stages/{stage}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LAWYER, Roles.UNION_ADMIN})
    @Operation(summary = "End a stage of a case with its outcome",
            description = "The case's lawyers or a union admin, once per stage, for an open case: the day it ended "
                    + "(not before it started, not in the future) and an outcome that belongs to the stage (AWARD ends "
                    + "ARBITRATION, JUDGMENT a court stage, ...). Recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "The case's stages",
            content = @Content(schema = @Schema(implementation = StagesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing changes")
    @APIResponse(responseCode = "403", description = "Not the case's lawyer nor a union admin (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such case, or the stage was not started")
    @APIResponse(responseCode = "409", description = "Not an open case, or the stage has ended already")
    public StagesView endCaseStage(@PathParam("id") UUID id, @PathParam("stage") @Parameter(
            description = "The stage", schema = @Schema(implementation = CaseStage.Stage.class)) String stageText,
                                   @NotNull StageEndRequest request) {
        FieldErrors errors = validation.check(request);
        Params params = new Params();
        CaseStage.Stage stage = params.enumValue(CaseStage.Stage.class, "stage", stageText);
        errors.addAll(params.errors().list());
        errors.throwIfAny();
        return StagesView.of(stages.end(id, stage, request.endedOn(), request.outcome(), callers.current()));
    }

    @GET
    @Path("/{id}/stages")
    @RolesAllowed({Roles.WORKER, Roles.LAWYER, Roles.UNION_STAFF, Roles.UNION_ADMIN})
    @Operation(summary = "The stages of a case",
            description = "In their order, with dates and outcomes, and the current (latest) stage. For those who may "
                    + "see the case (its workers; staff and lawyers with a purpose); every read is recorded in the "
                    + "audit log, and so is a refused one (403).")
    @APIResponse(responseCode = "200", description = "The stages",
            content = @Content(schema = @Schema(implementation = StagesView.class)))
    @APIResponse(responseCode = "400", description = "Staff without a purpose")
    @APIResponse(responseCode = "403", description = "Not allowed (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such case")
    public StagesView caseStages(@PathParam("id") UUID id, @QueryParam("purpose") @Parameter(
            description = "Why it is read; required for everyone but the case's workers",
            schema = @Schema(type = SchemaType.STRING, maxLength = Purpose.MAX_LENGTH)) String purposeText) {
        return StagesView.of(stages.read(id, Purpose.of(purposeText), callers.current()));
    }

    private ApplicationView view(LegalAidApplication a) {
        return ApplicationView.of(a, new ApplicationView.Parts(applications.opposingPartyName(a), applications.facts(a),
                a.decisionReasonEncrypted == null ? null : decisions.reason(a), applications.lawyersOf(a),
                a.appealGroundsEncrypted == null ? null : decisions.grounds(a),
                a.closingReasonEncrypted == null ? null : closings.reason(a), applications.workersOf(a),
                stages.current(a).map(s -> s.stage).orElse(null),
                "CLOSED".equals(a.status) ? AmountsView.of(amounts.totals(a)) : null));
    }
}
