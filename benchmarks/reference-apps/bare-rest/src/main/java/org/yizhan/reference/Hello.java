package org.yizhan.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;

/** The one endpoint of the reference application: a small JSON object, as a service's read answers. */
@Path("/hello")
public class Hello {

    public record Greeting(String message, String name, Instant at) {
    }

    @GET
    public Greeting hello(@QueryParam("name") String name) {
        return new Greeting("你好", name == null ? "驿站" : name, Instant.now());
    }
}
