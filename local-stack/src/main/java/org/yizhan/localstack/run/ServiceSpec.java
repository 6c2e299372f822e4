package org.yizhan.localstack.run;

import org.yizhan.localstack.Ports;

import java.util.Map;

/**
 * One service of the stack: its module (where {@code target/quarkus-app} is), its HTTP port, the
 * port of its management interface ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}; the
 * HTTP port itself when the module serves them there), its database (null for the gateway) and
 * extra environment variables.
 */
public record ServiceSpec(String name, String module, int port, int managementPort, String database,
                          Map<String, String> env) {

    /** A service whose management interface gets a free port. */
    public ServiceSpec(String name, String module, int port, String database, Map<String, String> env) {
        this(name, module, port, Ports.free(), database, env);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where {@code /q/health}, {@code /q/metrics} and {@code /q/openapi} are. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }
}
