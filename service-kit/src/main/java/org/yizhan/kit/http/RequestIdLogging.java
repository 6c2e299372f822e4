package org.yizhan.kit.http;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Pattern;

/**
 * Puts the gateway's {@code X-Request-Id} into the log context ({@code requestId}, beside the
 * {@code traceId} and {@code spanId} that tracing adds) and onto the request's span, so that one
 * request can be followed through the log lines and traces of every service it reaches. An id that
 * does not look like one the gateway passes on is left out.
 */
public class RequestIdLogging {

    /** The header the gateway sets on every request it forwards. */
    public static final String HEADER = "X-Request-Id";
    /** The key of the id in the log context (the {@code mdc} object of a JSON log line). */
    public static final String MDC_KEY = "requestId";
    /** The attribute of the server span that holds the id. */
    public static final String SPAN_ATTRIBUTE = "yizhan.request_id";

    // The gateway's own rule for ids it accepts from clients.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void requestStarted(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && ACCEPTED.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
            Span.current().setAttribute(SPAN_ATTRIBUTE, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void requestEnded() {
        MDC.remove(MDC_KEY);
    }
}
