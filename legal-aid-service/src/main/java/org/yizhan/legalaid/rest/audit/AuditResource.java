package org.yizhan.legalaid.rest.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.AuditLogRepository;
import org.yizhan.legalaid.service.audit.AuditLog;
import org.yizhan.legalaid.service.audit.Callers;

import java.time.Instant;

@Path("/api/v1/legal-aid/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Audit log", description = "Who read or changed which legal-aid record, when and why (append-only)")
public class AuditResource {

    private final AuditLog audit;
    private final Callers callers;

    public AuditResource(AuditLog audit, Callers callers) {
        this.audit = audit;
        this.callers = callers;
    }

    @GET
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Query the audit log",
            description = "Union admins. Newest first; every filter is optional. The query itself is recorded "
                    + "(targetKind AUDIT_LOG).")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public Page<AuditEntryView> auditEntries(
            @QueryParam("actor") @Parameter(description = "A worker's pseudonym or a staff subject",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 255)) String actorText,
            @QueryParam("action") @Parameter(schema = @Schema(implementation = AuditAction.class)) String actionText,
            @QueryParam("targetKind") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 30,
                    example = "CONSULTATION")) String targetKindText,
            @QueryParam("targetId") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 64)) String targetIdText,
            @QueryParam("from") @Parameter(description = "Entries at or after this instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40)) String fromText,
            @QueryParam("to") @Parameter(description = "Entries before this instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40)) String toText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "200", defaultValue = "50")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        String actor = params.text("actor", actorText, 255);
        AuditAction action = params.enumValue(AuditAction.class, "action", actionText);
        String targetKind = params.text("targetKind", targetKindText, 30);
        String targetId = params.text("targetId", targetIdText, 64);
        Instant from = params.instant("from", fromText);
        Instant to = params.instant("to", toText);
        Integer limit = params.integer("limit", limitText, 1, 200, 50);
        params.throwIfAny();
        return audit.query(callers.current(), new AuditLogRepository.Filter(actor, action, targetKind, targetId, from, to),
                cursor, limit).map(AuditEntryView::of);
    }
}
