package org.yizhan.system.compose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The six Yizhan services as the compose file must run them: one compose service per Maven
 * module, named like the module, the database each service owns and whether it uses Kafka.
 *
 * @param module            Maven module, also the compose service name and host name
 * @param conventionalPort  the agreed {@code quarkus.http.port}; the checks read the real one from
 *                          the module's application.properties, this one only serves the tests that
 *                          must not depend on those files
 * @param database          PostgreSQL database of the service, empty for the gateway and overview-service
 * @param kafka             whether the service publishes or consumes events
 */
public record ServiceModule(String module, int conventionalPort, Optional<String> database, boolean kafka) {

    public static final ServiceModule GATEWAY = new ServiceModule("gateway", 8080, Optional.empty(), false);

    /** The four services that own a database and use Kafka. */
    public static final List<ServiceModule> BACKENDS = List.of(
            new ServiceModule("station-service", 8081, Optional.of("yizhan_station"), true),
            new ServiceModule("services-service", 8082, Optional.of("yizhan_services"), true),
            new ServiceModule("health-checkup-service", 8083, Optional.of("yizhan_checkup"), true),
            new ServiceModule("legal-aid-service", 8084, Optional.of("yizhan_legal_aid"), true));

    /** The composed views (ADR 0022): no database, no Kafka; it calls the four backends. */
    public static final ServiceModule OVERVIEW = new ServiceModule("overview-service", 8085, Optional.empty(), false);

    /** Every service the gateway routes to: the backends and overview-service. */
    public static final List<ServiceModule> BEHIND_GATEWAY = Stream.concat(BACKENDS.stream(), Stream.of(OVERVIEW)).toList();

    public static final List<ServiceModule> ALL = Stream.concat(Stream.of(GATEWAY), BEHIND_GATEWAY.stream()).toList();

    /** The module's application.properties, relative to the repository root. */
    public String applicationProperties() {
        return module + "/src/main/resources/application.properties";
    }

    /** The gateway's variable holding this service's base URL, e.g. YIZHAN_GATEWAY_STATION_SERVICE_URL. */
    public String gatewayUrlVariable() {
        return urlVariable("YIZHAN_GATEWAY_");
    }

    /** overview-service's variable holding this backend's base URL, e.g. YIZHAN_OVERVIEW_STATION_SERVICE_URL. */
    public String overviewUrlVariable() {
        return urlVariable("YIZHAN_OVERVIEW_");
    }

    private String urlVariable(String prefix) {
        return prefix + module.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }
}
