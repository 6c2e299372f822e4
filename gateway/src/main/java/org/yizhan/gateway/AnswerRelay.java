package org.yizhan.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.Pipe;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyResponse;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * Passes a service's answer on to the client, streaming its body with back-pressure.
 *
 * <p>A client that goes away in the middle never resets the exchange with the service: by then the
 * service may have sent its whole answer and the connection may already carry the next request, which
 * a reset would close (HTTP/1.1 in Vert.x 4 closes the connection of a reset exchange even when its
 * answer is complete). The rest of the answer is read and dropped instead, and the connection goes back
 * to the pool intact (ADR 0012). This replaces the proxy library's own sending, which resets.
 */
final class AnswerRelay {

    /** Hop-by-hop headers (RFC 9110, 7.6.1) describe the service's connection, not the client's. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-connection", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private AnswerRelay() {
    }

    /** Sends {@code answer} to {@code out}; the future never fails, whatever the client does. */
    static Future<Void> send(ProxyResponse answer, HttpServerResponse out, HttpMethod method) {
        out.setStatusCode(answer.getStatusCode());
        if (answer.getStatusMessage() != null) {
            out.setStatusMessage(answer.getStatusMessage());
        }
        for (Map.Entry<String, String> header : answer.headers()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                out.headers().add(header.getKey(), header.getValue());
            }
        }
        if (!out.headers().contains(HttpHeaders.DATE)) {
            out.putHeader(HttpHeaders.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        Body body = answer.getBody();
        if (body == null) {
            return out.end().recover(failure -> Future.succeededFuture());
        }
        if (body.length() >= 0) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(body.length()));
        } else if (carriesBody(answer.getStatusCode(), method)) {
            out.setChunked(true);
        }
        Pipe<Buffer> pipe = body.stream().pipe();
        pipe.endOnFailure(false);
        // The client went away: stop passing the answer on; closing the pipe lets the rest flow and be dropped.
        out.exceptionHandler(gone -> pipe.close());
        return pipe.to(out).recover(failure -> {
            out.reset();
            return Future.succeededFuture();
        });
    }

    private static boolean carriesBody(int status, HttpMethod method) {
        return method != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }
}
