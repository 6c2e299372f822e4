package org.yizhan.kit.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.yizhan.kit.outbox.Outbox;

import java.net.URI;

/** The test application's write: a note, stored as an event in the outbox for {@link #TOPIC}. */
@Path("/test/notes")
public class TestNoteResource {

    public static final String TOPIC = "yizhan.kittest.out.v1";

    private final Outbox outbox;

    public TestNoteResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Path("/{key}")
    @Produces(MediaType.TEXT_PLAIN)
    @Consumes(MediaType.TEXT_PLAIN)
    @PermitAll
    @Transactional
    @Operation(summary = "Write a note; its event goes to the outbox")
    @APIResponse(responseCode = "201", description = "The event's id",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    public Response write(@PathParam("key") String key, String text) {
        return add(TOPIC, key, text);
    }

    @POST
    @Path("/{key}/handled")
    @Produces(MediaType.TEXT_PLAIN)
    @Consumes(MediaType.TEXT_PLAIN)
    @PermitAll
    @Transactional
    @Operation(summary = "Write a note that this application's own consumer applies (TestNoteHandler)")
    @APIResponse(responseCode = "201", description = "The event's id",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    public Response writeHandled(@PathParam("key") String key, String text) {
        return add(TestNoteHandler.TOPIC, key, text);
    }

    private Response add(String topic, String key, String text) {
        String id = outbox.add(topic, key, URI.create("/yizhan/kit-test"), TestNoteHandler.TYPE,
                new TestNoteHandler.Note(text, false, false, false)).getId();
        return Response.status(201).entity(id).build();
    }
}
