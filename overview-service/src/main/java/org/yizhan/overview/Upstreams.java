package org.yizhan.overview;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the parts of a composed view from the services: each call carries the caller's token
 * (the service decides what the caller may see), its language and request id, and ends as a
 * {@link Part} within the part's timeout, whatever the service does. A part never fails.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    /** The caller's headers that every part passes on. */
    private static final List<String> FORWARDED = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT_LANGUAGE,
            "X-Request-Id");

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Vertx vertx;
    private final OverviewConfig config;
    private final ObjectMapper json;
    private final WebClient client;

    public Upstreams(Vertx vertx, OverviewConfig config, ObjectMapper json) {
        this.vertx = vertx;
        this.config = config;
        this.json = json;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(config.connectTimeout().toMillis(), config.partTimeout().toMillis()))
                .setKeepAlive(true)
                .setUserAgent("yizhan-overview-service"));
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }

    /** One call of a part: the service's name and base URL, the path and the query parameters. */
    public record Call(String service, URI baseUrl, String path, Map<String, String> query) {
    }

    /** Fetches {@code call} with the caller's {@code headers}; the future always succeeds. */
    public Future<Part> fetch(Call call, HttpHeaders headers) {
        Promise<Part> result = Promise.promise();
        long timeoutMillis = Math.max(1, config.partTimeout().toMillis());
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (result.tryComplete(Part.timedOut(call.service()))) {
                LOG.warnf("%s did not answer %s within %d ms", call.service(), call.path(), timeoutMillis);
            }
        });
        request(call, headers, timeoutMillis).send().onComplete(done -> {
            vertx.cancelTimer(timer);
            result.tryComplete(done.succeeded() ? part(call, done.result()) : failed(call, done.cause()));
        });
        return result.future();
    }

    private HttpRequest<Buffer> request(Call call, HttpHeaders headers, long timeoutMillis) {
        URI base = call.baseUrl();
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        HttpRequest<Buffer> request = client.get(port, base.getHost(), basePath + call.path())
                .ssl(ssl)
                .timeout(timeoutMillis)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        call.query().forEach(request::addQueryParam);
        for (String name : FORWARDED) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.putHeader(name, value);
            }
        }
        return request;
    }

    private Part part(Call call, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            LOG.infof("%s answered %s with %d", call.service(), call.path(), status);
            return Part.unavailable(call.service(), status);
        }
        Buffer body = response.body();
        if (body == null || body.length() > config.maxPartBytes()) {
            LOG.warnf("%s answered %s with no body or one above %d bytes", call.service(), call.path(),
                    config.maxPartBytes());
            return Part.unavailable(call.service(), null);
        }
        try {
            if (!json.readTree(body.getBytes()).isObject()) {
                LOG.warnf("%s answered %s with something other than a JSON object", call.service(), call.path());
                return Part.unavailable(call.service(), null);
            }
            return Part.ok(call.service(), json.readValue(body.getBytes(), OBJECT));
        } catch (IOException e) {
            LOG.warnf("%s answered %s with a body that is not JSON", call.service(), call.path());
            return Part.unavailable(call.service(), null);
        }
    }

    private static Part failed(Call call, Throwable cause) {
        // Only the kind of failure: the message may carry the URL, and the URL a query.
        LOG.warnf("%s could not be reached for %s: %s", call.service(), call.path(), cause.getClass().getSimpleName());
        return cause instanceof TimeoutException ? Part.timedOut(call.service()) : Part.unavailable(call.service(), null);
    }
}
