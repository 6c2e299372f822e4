package org.yizhan.localstack.run;

import java.util.Map;

/**
 * One service of the stack: its module (where {@code target/quarkus-app} is), its HTTP port, its
 * database (null for the gateway) and extra environment variables.
 */
public record ServiceSpec(String name, String module, int port, String database, Map<String, String> env) {

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
