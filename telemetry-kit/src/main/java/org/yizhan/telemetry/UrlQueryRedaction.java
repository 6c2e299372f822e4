package org.yizhan.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Keeps query strings out of spans: a query may hold personal data (where a worker stands, what she
 * searched for), and HTTP tracing records it in {@code url.query} (server spans) and {@code url.full}
 * (client spans). Each value becomes {@value #REDACTED}; the parameter names stay, so that a trace
 * still shows which filters a request used; a name that is not a plain identifier is dropped.
 * Quarkus adds every {@link SpanProcessor} bean to the tracer; this one changes a span as it starts,
 * before any exporter sees it. The gateway and every service (through the service kit) depend on
 * this module, so none of them records a query's values.
 */
@ApplicationScoped
public class UrlQueryRedaction implements SpanProcessor {

    /** What a parameter's value becomes. */
    public static final String REDACTED = "REDACTED";

    /** The query of a server span's request (OpenTelemetry HTTP semantic conventions). */
    public static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    /** The whole URL of a client span's request. */
    public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-\\[\\]]{0,39}");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, redact(query));
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null) {
            span.setAttribute(URL_FULL, redactUrl(full));
        }
    }

    /** {@code lat=39.7&lon=116.3&q=...} as {@code lat=REDACTED&lon=REDACTED&q=REDACTED}. */
    public static String redact(String query) {
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

    /** A URL with its query redacted and without a fragment. */
    public static String redactUrl(String url) {
        int fragment = url.indexOf('#');
        String withoutFragment = fragment < 0 ? url : url.substring(0, fragment);
        int question = withoutFragment.indexOf('?');
        return question < 0 ? withoutFragment
                : withoutFragment.substring(0, question + 1) + redact(withoutFragment.substring(question + 1));
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
