package org.yizhan.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;

/** The one endpoint of the reference application: a row of its table as a small JSON object. */
@Path("/hello")
public class Hello {

    public record Answer(String message, String name, Instant at) {
    }

    @GET
    public Answer hello(@QueryParam("name") String name) {
        Greeting greeting = Greeting.findById(1L);
        return new Answer(greeting.message, name == null ? "驿站" : name, Instant.now());
    }
}
