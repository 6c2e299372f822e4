package org.yizhan.gateway;

import java.net.URI;
import java.util.Locale;

/**
 * One service behind the gateway, parsed from its configured base URL.
 *
 * @param name     service name, used in logs, problem details and the readiness data
 * @param host     host to connect to
 * @param port     port to connect to (the scheme's default when the URL has none)
 * @param ssl      whether to speak TLS to it
 * @param basePath path prefix put before every forwarded path, empty for none
 */
public record Upstream(String name, String host, int port, boolean ssl, String basePath) {

    /** Parses {@code url}; fails fast at startup rather than on the first request. */
    public static Upstream of(String name, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The URL of " + name + " must be http or https: " + url);
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("The URL of " + name + " has no host: " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("The URL of " + name + " must not have a query or fragment: " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            // java.net.URI keeps the brackets of an IPv6 literal; a socket address wants it bare.
            host = host.substring(1, host.length() - 1);
        }
        return new Upstream(name, host, port, ssl, path);
    }
}
