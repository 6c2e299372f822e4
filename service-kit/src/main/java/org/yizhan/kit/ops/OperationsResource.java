package org.yizhan.kit.ops;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.inbox.DeadLetterReplay;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;

import java.util.UUID;

/** A service's operations for union admins (ADR 0011): the events its consumer set aside (dead letters). */
@Path("/api/v1/ops/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters, for union admins")
@RolesAllowed(Roles.UNION_ADMIN)
@SecurityRequirement(name = "jwt")
public class OperationsResource {

    private static final String SERVICE_DOC = "This service's name, e.g. station-service; any other name is a 404";

    /** This service's application name; any other is a 404. */
    @PathParam("service")
    @Parameter(description = SERVICE_DOC, example = "station-service",
            schema = @Schema(type = SchemaType.STRING, maxLength = 60))
    String service;

    private final DeadLetterReplay deadLetters;
    private final OpsScope scope;

    public OperationsResource(DeadLetterReplay deadLetters, OpsScope scope) {
        this.deadLetters = deadLetters;
        this.scope = scope;
    }

    @GET
    @Path("/dead-letters")
    @Operation(operationId = "listDeadLetters", summary = "The consumer's dead letters, newest first",
            description = "Events this service's consumer could not apply and set aside with the reason: unreadable "
                    + "records, events that break the contract, and events that failed with an unknown error "
                    + "several times. The record itself is shown only when one dead letter is read.")
    @APIResponse(responseCode = "200", description = "A page of dead letters")
    @APIResponse(responseCode = "404", description = "No such service here")
    public Page<DeadLetterView> listDeadLetters(
            @QueryParam("replayed")
            @Parameter(description = "true: only replayed ones; false: only those waiting; absent: all")
            Boolean replayed,
            @Valid @BeanParam PageParams paging) {
        scope.require(service);
        var page = deadLetters.list(replayed, paging.cursor, paging.limit);
        return new Page<>(page.items().stream().map(d -> DeadLetterView.of(d, false)).toList(), page.nextCursor());
    }

    @GET
    @Path("/dead-letters/{id}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter, with its record",
            description = "Where the record was read, why it was set aside, whether and how it was replayed, and the "
                    + "record's key and value as read (events carry no personal data by contract).")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such service or dead letter")
    public DeadLetterView getDeadLetter(@PathParam("id") UUID id) {
        scope.require(service);
        return DeadLetterView.of(deadLetters.get(id), true);
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Apply a dead letter's event now",
            description = "Applies the event through the consumer's own inbox and handler, in one transaction with "
                    + "the record of the replay, typically after the fix of what rejected it. An event the inbox "
                    + "shows as applied is not applied again (ALREADY_APPLIED). A dead letter is replayed once: "
                    + "replaying it again answers 409 and changes nothing.")
    @APIResponse(responseCode = "200", description = "Replayed",
            content = @Content(schema = @Schema(implementation = DeadLetterReplayView.class)))
    @APIResponse(responseCode = "404", description = "No such service or dead letter")
    @APIResponse(responseCode = "409", description = "Replayed before; nothing changed")
    @APIResponse(responseCode = "422", description = "Unreadable, or rejected again (the detail says why)")
    @APIResponse(responseCode = "503", description = "The database or Kafka is away; replay again later")
    public DeadLetterReplayView replayDeadLetter(@PathParam("id") UUID id) {
        scope.require(service);
        DeadLetterReplay.Replayed replayed = deadLetters.replay(id, scope.operator());
        return new DeadLetterReplayView(id, replayed.outcome(), replayed.at());
    }
}
