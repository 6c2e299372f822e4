package org.yizhan.station.standards;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.station.domain.standards.Requirement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Stations and inspection bodies for the standards tests, made through the API. */
final class StandardsFixtures {

    static final String ADMIN = "admin-standards";
    static final String INSPECTIONS = "/api/v1/stations/%s/inspections";
    static final String COMPLIANCE = "/api/v1/stations/%s/compliance";

    private StandardsFixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static RequestSpecification as(String subject, String... roles) {
        return given().auth().oauth2(TestTokens.token(subject, roles)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(ADMIN, "union-admin");
    }

    /** A new active station in {@code district}, registered by a union admin; returns its id. */
    static String station(String district) {
        return station(district, "RESTAURANT");
    }

    /** A new active station of {@code hostType} in {@code district}; returns its id. */
    static String station(String district, String hostType) {
        return admin().body("""
                        {"name": "规范驿站 %s", "hostType": "%s", "hostOrganisation": "狼垡小哥驿站",
                         "address": "北京市大兴区黄村镇狼垡", "district": "%s",
                         "location": {"latitude": 39.7452, "longitude": 116.2893}}
                        """.formatted(UUID.randomUUID(), hostType, district))
                .when().post("/api/v1/stations")
                .then().statusCode(201).extract().path("id");
    }

    static void addManager(String stationId, String subject) {
        admin().when().put("/api/v1/stations/" + stationId + "/managers/" + subject)
                .then().statusCode(anyOf(is(200), is(204)));
    }

    /** One checklist line as a map for a JSON body. */
    static Map<String, Object> item(Requirement requirement, String result, String finding) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("requirement", requirement.name());
        map.put("result", result);
        if (finding != null) {
            map.put("finding", finding);
        }
        return map;
    }

    /** Every basic requirement MET except {@code failing} (NOT_MET with a finding), plus {@code optional} MET. */
    static List<Map<String, Object>> items(List<Requirement> failing, List<Requirement> optional) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Requirement r : Requirement.values()) {
            if (r.isBasic()) {
                items.add(failing.contains(r) ? item(r, "NOT_MET", r.nameZh() + "：未达标") : item(r, "MET", null));
            }
        }
        for (Requirement r : optional) {
            items.add(item(r, "MET", null));
        }
        return items;
    }

    static Map<String, Object> body(LocalDate on, List<Map<String, Object>> items) {
        return Map.of("inspectedOn", on.toString(), "items", items, "summary", "例行检查");
    }

    /** Records an inspection as {@code caller} and expects 201; returns its id. */
    static String inspect(RequestSpecification caller, String stationId, LocalDate on,
                          List<Requirement> failing, List<Requirement> optional) {
        return caller.body(body(on, items(failing, optional)))
                .when().post(INSPECTIONS.formatted(stationId))
                .then().statusCode(201).extract().path("id");
    }

    static final List<Requirement> FOUR_OPTIONAL = List.of(Requirement.MICROWAVE, Requirement.PHONE_CHARGING,
            Requirement.WIFI, Requirement.UMBRELLAS);
}
