package org.yizhan.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of request that get limits of their own: how many a client may send, how large a body
 * may be, how long its body may take to arrive and how long the service may take to answer.
 *
 * <p>A request's class follows from its method, its path and, for uploads, the type of its body;
 * the first rule that matches wins ({@link #of(HttpServerRequest, String)}):
 * <ol>
 *   <li>{@link #PARTNER_PUSHES}: a write under {@code /api/v1/activities/partner-records} (partner
 *       systems pushing records and sign-in sheets);</li>
 *   <li>{@link #UPLOADS}: a write whose {@code Content-Type} is a file: {@code multipart/*},
 *       {@code image/*}, {@code application/octet-stream} or {@code application/pdf};</li>
 *   <li>{@link #SEARCH}: a read of the open directories, {@code /api/v1/stations} and
 *       {@code /api/v1/checkups/feed}, the only reads that need no token;</li>
 *   <li>{@link #READS}: any other {@code GET}, {@code HEAD} or {@code OPTIONS};</li>
 *   <li>{@link #WRITES}: everything else ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}).</li>
 * </ol>
 */
enum RouteClass {

    SEARCH("search", 1200, "1m", "16K", "10s"),
    READS("reads", 1200, "1m", "16K", "10s"),
    WRITES("writes", 600, "1m", "1M", "30s"),
    PARTNER_PUSHES("partner-pushes", 120, "1m", "16M", "2m"),
    UPLOADS("uploads", 60, "1m", "64M", "10m");

    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String PARTNER_PUSH_PREFIX = "/api/v1/activities/partner-records";
    private static final String[] SEARCH_PREFIXES = {"/api/v1/stations", "/api/v1/checkups/feed"};
    private static final String[] UPLOAD_TYPES = {"multipart/", "image/", "application/octet-stream", "application/pdf"};

    private final String id;
    private final int defaultRequests;
    private final String defaultPer;
    private final String defaultMaxBodySize;
    private final String defaultBodyTimeout;

    RouteClass(String id, int defaultRequests, String defaultPer, String defaultMaxBodySize, String defaultBodyTimeout) {
        this.id = id;
        this.defaultRequests = defaultRequests;
        this.defaultPer = defaultPer;
        this.defaultMaxBodySize = defaultMaxBodySize;
        this.defaultBodyTimeout = defaultBodyTimeout;
    }

    /** The name used in configuration ({@code yizhan.gateway.<id>.*}) and in the {@code RateLimit} headers. */
    String id() {
        return id;
    }

    int defaultRequests() {
        return defaultRequests;
    }

    String defaultPer() {
        return defaultPer;
    }

    String defaultMaxBodySize() {
        return defaultMaxBodySize;
    }

    String defaultBodyTimeout() {
        return defaultBodyTimeout;
    }

    /** The class of {@code request}, whose normalized path is {@code path}. */
    static RouteClass of(HttpServerRequest request, String path) {
        return of(request.method(), path, request.getHeader("Content-Type"));
    }

    static RouteClass of(HttpMethod method, String path, String contentType) {
        boolean read = READ_METHODS.contains(method);
        if (!read && under(path, PARTNER_PUSH_PREFIX)) {
            return PARTNER_PUSHES;
        }
        if (!read && isFile(contentType)) {
            return UPLOADS;
        }
        if (read) {
            for (String prefix : SEARCH_PREFIXES) {
                if (under(path, prefix)) {
                    return SEARCH;
                }
            }
            return READS;
        }
        return WRITES;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static boolean isFile(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        for (String upload : UPLOAD_TYPES) {
            if (type.startsWith(upload)) {
                return true;
            }
        }
        return false;
    }
}
