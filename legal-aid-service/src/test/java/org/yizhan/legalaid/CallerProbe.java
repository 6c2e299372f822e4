package org.yizhan.legalaid;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoint: who the service kit says the caller is, as every service's code asks. */
@Path("/test/caller")
public class CallerProbe {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String name() {
        return identity.getPrincipal().getName();
    }
}
