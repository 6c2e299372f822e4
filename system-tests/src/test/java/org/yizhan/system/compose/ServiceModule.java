package org.yizhan.system.compose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The five Yizhan services as the compose file must run them: one compose service per Maven
 * module, named like the module, and the database each service owns.
 *
 * @param module            Maven module, also the compose service name and host name
 * @param conventionalPort  the agreed {@code quarkus.http.port}; the checks read the real one from
 *                          the module's application.properties, this one only serves the tests that
 *                          must not depend on those files
 * @param database          PostgreSQL database of the service, empty for the gateway
 */
record ServiceModule(String module, int conventionalPort, Optional<String> database) {

    static final ServiceModule GATEWAY = new ServiceModule("gateway", 8080, Optional.empty());

    /** The four services behind the gateway; each owns a database and uses Kafka. */
    static final List<ServiceModule> BACKENDS = List.of(
            new ServiceModule("station-service", 8081, Optional.of("yizhan_station")),
            new ServiceModule("services-service", 8082, Optional.of("yizhan_services")),
            new ServiceModule("health-checkup-service", 8083, Optional.of("yizhan_checkup")),
            new ServiceModule("legal-aid-service", 8084, Optional.of("yizhan_legal_aid")));

    static final List<ServiceModule> ALL = List.of(
            GATEWAY, BACKENDS.get(0), BACKENDS.get(1), BACKENDS.get(2), BACKENDS.get(3));

    /** The module's application.properties, relative to the repository root. */
    String applicationProperties() {
        return module + "/src/main/resources/application.properties";
    }

    /** The gateway's variable holding this service's base URL, e.g. YIZHAN_GATEWAY_STATION_SERVICE_URL. */
    String gatewayUrlVariable() {
        return "YIZHAN_GATEWAY_" + module.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }
}
