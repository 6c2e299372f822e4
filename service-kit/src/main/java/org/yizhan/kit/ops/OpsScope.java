package org.yizhan.kit.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.yizhan.kit.problem.ProblemException;

/**
 * The operations paths of this service, {@code /api/v1/ops/{service}/...}: {@code {service}} must
 * be this service's application name, which is how the gateway routes them.
 */
@ApplicationScoped
public class OpsScope {

    private final String applicationName;
    private final JsonWebToken token;

    public OpsScope(@ConfigProperty(name = "quarkus.application.name") String applicationName, JsonWebToken token) {
        this.applicationName = applicationName;
        this.token = token;
    }

    /** Answers 404 unless {@code service} names this service. */
    public void require(String service) {
        if (!applicationName.equals(service)) {
            throw ProblemException.notFound("服务 " + service, "The service " + service);
        }
    }

    /** Who acts: the subject of the caller's token. */
    public String operator() {
        return token.getSubject();
    }
}
