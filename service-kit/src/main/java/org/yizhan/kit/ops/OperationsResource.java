package org.yizhan.kit.ops;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.inbox.DeadLetterReplay;
import org.yizhan.kit.outbox.ParkedMessages;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;

import java.util.UUID;

/**
 * A service's operations for union admins (ADR 0011): the events its consumer set aside (dead
 * letters: list, read, replay) and the outbox messages Kafka refused for good (parked: list,
 * republish, discard). An application without the kit's event tables (no database, no Kafka) leaves
 * it out with {@code yizhan.ops.enabled=false} at build time.
 */
@IfBuildProperty(name = "yizhan.ops.enabled", stringValue = "true", enableIfMissing = true)
@Path("/api/v1/ops/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters and parked outbox messages, for union admins")
@RolesAllowed(Roles.UNION_ADMIN)
@SecurityRequirement(name = "jwt")
public class OperationsResource {

    private static final String EVENT_ID_DOC = "The message's CloudEvent id";

    private final DeadLetterReplay deadLetters;
    private final ParkedMessages parked;
    private final OpsScope scope;

    public OperationsResource(DeadLetterReplay deadLetters, ParkedMessages parked, OpsScope scope) {
        this.deadLetters = deadLetters;
        this.parked = parked;
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
        scope.require(paging.service);
        return deadLetters.list(replayed, paging.cursor, paging.limit).map(d -> DeadLetterView.of(d, false));
    }

    @GET
    @Path("/dead-letters/{id}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter, with its record",
            description = "Where the record was read, why it was set aside, whether and how it was replayed, and the "
                    + "record's key and value as read (events carry no personal data by contract).")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such service or dead letter")
    public DeadLetterView getDeadLetter(@BeanParam ServiceParam service, @PathParam("id") UUID id) {
        scope.require(service.service);
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
    public DeadLetterReplayView replayDeadLetter(@BeanParam ServiceParam service, @PathParam("id") UUID id) {
        scope.require(service.service);
        DeadLetterReplay.Replayed replayed = deadLetters.replay(id, scope.operator());
        return new DeadLetterReplayView(id, replayed.outcome(), replayed.at());
    }

    @GET
    @Path("/outbox/parked")
    @Operation(operationId = "listParkedOutboxMessages", summary = "Parked outbox messages, oldest first",
            description = "Messages Kafka refused for good (too large, invalid topic, ...) after the configured "
                    + "number of refusals. The later messages of the same topic and key wait behind a parked one "
                    + "(waitingBehind); other keys flow.")
    @APIResponse(responseCode = "200", description = "A page of parked messages")
    @APIResponse(responseCode = "404", description = "No such service here")
    public Page<ParkedMessageView> listParkedOutboxMessages(@Valid @BeanParam PageParams paging) {
        scope.require(paging.service);
        return parked.list(paging.cursor, paging.limit).map(ParkedMessageView::of);
    }

    @POST
    @Path("/outbox/parked/{eventId}/republish")
    @Operation(operationId = "republishOutboxMessage", summary = "Send a parked message again",
            description = "Typically after the cause was fixed (e.g. the topic's max.message.bytes raised). The "
                    + "message is pending again, ahead of the messages of its key that waited behind it; if Kafka "
                    + "refuses it again as often as configured, it is parked again.")
    @APIResponse(responseCode = "200", description = "Pending again; the message as it was parked",
            content = @Content(schema = @Schema(implementation = ParkedMessageView.class)))
    @APIResponse(responseCode = "404", description = "No such service or message")
    @APIResponse(responseCode = "409", description = "The message is not parked")
    public ParkedMessageView republishOutboxMessage(
            @BeanParam ServiceParam service,
            @PathParam("eventId") @Size(max = 100) @Parameter(description = EVENT_ID_DOC) String eventId) {
        scope.require(service.service);
        return ParkedMessageView.of(parked.republish(eventId));
    }

    @POST
    @Path("/outbox/parked/{eventId}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discardOutboxMessage", summary = "Give a parked message up",
            description = "The message is never published and the messages of its key that waited behind it go on; "
                    + "the reason and who discarded it are kept with it until the retention purge.")
    @APIResponse(responseCode = "200", description = "Discarded; the message as it was parked",
            content = @Content(schema = @Schema(implementation = ParkedMessageView.class)))
    @APIResponse(responseCode = "404", description = "No such service or message")
    @APIResponse(responseCode = "409", description = "The message is not parked")
    public ParkedMessageView discardOutboxMessage(
            @BeanParam ServiceParam service,
            @PathParam("eventId") @Size(max = 100) @Parameter(description = EVENT_ID_DOC) String eventId,
            @NotNull @Valid DiscardRequest request) {
        scope.require(service.service);
        return ParkedMessageView.of(parked.discard(eventId, request.reason().strip(), scope.operator()));
    }
}
