package org.yizhan.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.yizhan.kit.problem.Problem;

import java.util.Map;

/**
 * The conventions every Yizhan OpenAPI document follows, applied in one place.
 *
 * <p>Servers: each declares its audience ({@code x-internal: false}: the gateway's public
 * address, which operators configure with {@code quarkus.smallrye-openapi.servers}).
 *
 * <p>Problem answers: adds the problem answers every Yizhan operation can give, so that
 * resources only describe the answers particular to them: 400 where the operation takes
 * parameters or a body, 415 where it takes a body, 404 where its path names something, 401 and
 * 403 where it needs a token, and 500 everywhere, each as
 * {@code application/problem+json}. Answers a resource describes itself are kept as they are;
 * any 4xx or 5xx answer a resource declares without content gets the problem content, so that
 * resources need only give the status and what it means.
 *
 * <p>Formatted strings: a string with a format whose longest value is known (a date-time, a
 * date, a time, a UUID, ...) and no {@code maxLength} of its own is given that length, so that
 * clients and linters see every string bounded without each field repeating it.
 */
public class OpenApiConventionsFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/" + Problem.class.getSimpleName();

    /** The longest value of each string format: {@code 2026-12-01T08:00:00.123456789+08:00}, ... */
    static final Map<String, Integer> FORMAT_MAX_LENGTH = Map.of(
            "date-time", 35,
            "date", 10,
            "time", 24,
            "local-time", 18,
            "partial-time", 18,
            "uuid", 36,
            "duration", 64,
            "email", 254,
            "uri", 2048,
            "uri-reference", 2048);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() != null) {
            for (Server server : openAPI.getServers()) {
                if (server.getExtensions() == null || !server.getExtensions().containsKey("x-internal")) {
                    server.addExtension("x-internal", false);
                }
                if (server.getDescription() == null) {
                    server.setDescription("The gateway, the public entry point of this production API");
                }
            }
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getFormat() != null && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)) {
            Integer max = FORMAT_MAX_LENGTH.get(schema.getFormat());
            if (max != null) {
                schema.setMaxLength(max);
            }
        }
        return schema;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (takesInput) {
            addIfMissing(responses, "400", "Invalid request: the fields in errors say what is wrong");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "415", "The body is not in a media type this operation takes");
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfMissing(responses, "404", "Nothing exists at this path");
        }
        if (secured) {
            addIfMissing(responses, "401", "No valid bearer token");
            addIfMissing(responses, "403", "The token's roles do not allow this");
        }
        addIfMissing(responses, "500", "Unexpected error; the problem carries an error id for the logs");
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5"))
                        && (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problemContent());
                }
            });
        }
        return operation;
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
