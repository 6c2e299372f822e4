package org.yizhan.localstack.run;

import org.junit.jupiter.api.Test;
import org.yizhan.localstack.Settings;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Several instances of every service: names, ports, database, and the gateway's lists. */
class InstancesTest {

    private static final Stack.Ports STANDARD = Stack.Ports.standard(Settings.of(Map.of()));

    private static List<ServiceSpec> specs(Stack.Ports ports, int instances) {
        return Stack.instances(Stack.serviceSpecs(ports, "v", "s", Map.of(), Map.of()), ports, instances);
    }

    @Test
    void oneInstanceIsTheStackAsItWas() {
        List<ServiceSpec> specs = specs(STANDARD, 1);
        assertEquals(List.of("station-service", "services-service", "health-checkup-service", "legal-aid-service",
                "overview-service"), specs.stream().map(ServiceSpec::name).toList());
        Map<String, String> gateway = Stack.gatewaySpec(STANDARD, specs).env();
        assertEquals("http://127.0.0.1:8081", gateway.get("YIZHAN_GATEWAY_STATION_SERVICE_URL"));
        assertEquals("http://127.0.0.1:9081", gateway.get("YIZHAN_GATEWAY_STATION_SERVICE_MANAGEMENT_URL"));
        assertEquals("http://127.0.0.1:8085", gateway.get("YIZHAN_GATEWAY_OVERVIEW_SERVICE_URL"));
    }

    @Test
    void theLocalRunPutsTheFurtherInstancesAHundredPortsApart() {
        List<ServiceSpec> specs = specs(STANDARD, 3);
        List<ServiceSpec> station = specs.stream().filter(s -> s.module().equals("station-service")).toList();
        assertEquals(List.of("station-service", "station-service-2", "station-service-3"),
                station.stream().map(ServiceSpec::name).toList());
        assertEquals(List.of(8081, 8181, 8281), station.stream().map(ServiceSpec::port).toList());
        assertEquals(List.of(9081, 9181, 9281), station.stream().map(ServiceSpec::managementPort).toList());
        // One database and one environment for all the instances of a service.
        assertEquals(Set.of("yizhan_station"), station.stream().map(ServiceSpec::database).collect(Collectors.toSet()));
        assertEquals(1, station.stream().map(ServiceSpec::env).distinct().count());

        Map<String, String> gateway = Stack.gatewaySpec(STANDARD, specs).env();
        assertEquals("http://127.0.0.1:8081,http://127.0.0.1:8181,http://127.0.0.1:8281",
                gateway.get("YIZHAN_GATEWAY_STATION_SERVICE_URL"));
        assertEquals("http://127.0.0.1:9081,http://127.0.0.1:9181,http://127.0.0.1:9281",
                gateway.get("YIZHAN_GATEWAY_STATION_SERVICE_MANAGEMENT_URL"));
        assertEquals("http://127.0.0.1:8084,http://127.0.0.1:8184,http://127.0.0.1:8284",
                gateway.get("YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL"));
    }

    @Test
    void everyInstanceOfATestStackHasPortsOfItsOwn() {
        List<ServiceSpec> specs = specs(Stack.Ports.free(), 2);
        assertEquals(10, specs.size());
        List<Integer> ports = specs.stream().flatMap(s -> Stream.of(s.port(), s.managementPort())).toList();
        assertEquals(ports.size(), Set.copyOf(ports).size(), "distinct ports " + ports);
    }

    @Test
    void aServiceMayRunMoreInstancesThanTheOthers() {
        List<ServiceSpec> specs = Stack.instances(Stack.serviceSpecs(STANDARD, "v", "s", Map.of(), Map.of()), STANDARD, 1,
                Map.of("station-service", 3));
        assertEquals(List.of("station-service", "station-service-2", "station-service-3", "services-service",
                "health-checkup-service", "legal-aid-service", "overview-service"),
                specs.stream().map(ServiceSpec::name).toList());
        Map<String, String> gateway = Stack.gatewaySpec(STANDARD, specs).env();
        assertEquals("http://127.0.0.1:8081,http://127.0.0.1:8181,http://127.0.0.1:8281",
                gateway.get("YIZHAN_GATEWAY_STATION_SERVICE_URL"));
        assertEquals("http://127.0.0.1:8082", gateway.get("YIZHAN_GATEWAY_SERVICES_SERVICE_URL"));
        assertThrows(IllegalArgumentException.class, () -> new Stack.Options(null, null, STANDARD, true, List.of(),
                Settings.of(Map.of()), "", Map.of(), 1, Map.of("station-service", 10)));
    }

    @Test
    void aStackTakesOneToNineInstances() {
        assertThrows(IllegalArgumentException.class, () -> new Stack.Options(null, null, STANDARD, true, List.of(),
                Settings.of(Map.of()), "", Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new Stack.Options(null, null, STANDARD, true, List.of(),
                Settings.of(Map.of()), "", Map.of(), 10));
    }
}
