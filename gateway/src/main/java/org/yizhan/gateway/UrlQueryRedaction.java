package org.yizhan.gateway;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Keeps query strings out of the gateway's spans, as the access log does: a query may hold personal
 * data (where a worker stands, what she searched for), and HTTP tracing records it in
 * {@code url.query} (the server span) and {@code url.full} (the client span to the service). Each
 * value becomes {@value #REDACTED}; parameter names that are plain identifiers stay. The services
 * do the same with the kit's {@code org.yizhan.kit.tracing.UrlQueryRedaction} (the gateway does not
 * use the kit). Quarkus adds every {@link SpanProcessor} bean to the tracer; this one changes a span
 * as it starts, before any exporter sees it.
 */
@ApplicationScoped
class UrlQueryRedaction implements SpanProcessor {

    static final String REDACTED = "REDACTED";
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-\\[\\]]{0,39}");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, redact(query));
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null) {
            int fragment = full.indexOf('#');
            String url = fragment < 0 ? full : full.substring(0, fragment);
            int question = url.indexOf('?');
            span.setAttribute(URL_FULL, question < 0 ? url : url.substring(0, question + 1) + redact(url.substring(question + 1)));
        }
    }

    /** {@code lat=39.7&q=...} as {@code lat=REDACTED&q=REDACTED}. */
    static String redact(String query) {
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (NAME.matcher(name).matches()) {
                kept.add(name + "=" + REDACTED);
            }
        }
        return kept.toString();
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing to do once the span ended
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
