package org.yizhan.kit.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    @Consumes(MediaType.TEXT_PLAIN)
    @PermitAll
    @Transactional
    public Response write(@PathParam("key") String key, String text) {
        String id = outbox.add(TOPIC, key, URI.create("/yizhan/kit-test"), TestNoteHandler.TYPE,
                new TestNoteHandler.Note(text, false, false, false)).getId();
        return Response.status(201).entity(id).build();
    }
}
