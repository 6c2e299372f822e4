package org.yizhan.station.hsds;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.Amenity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HSDS 3.x export: field mapping, stable ids, schedules, amenities, statuses, paging and bad input. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class HsdsExportTest {

    static final String BASE = "/api/v1/stations/hsds";

    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("admin-1", "union-admin")).contentType(ContentType.JSON);
    }

    /** The documented derivation, computed here independently of the production code. */
    static String id(String entity, String key) {
        return UUID.nameUUIDFromBytes((entity + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String token() {
        return "HSDS" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    }

    static String station(String name) {
        String body = """
                {"name": "%s", "hostType": "ENTERPRISE", "hostOrganisation": "霍氏集团",
                 "address": "北京市大兴区京南物流基地 %s", "district": "大兴区",
                 "location": {"latitude": 39.7046, "longitude": 116.3127},
                 "contactPhone": "010-61234567", "areaM2": 120, "seats": 20}
                """.formatted(name, name);
        return admin().body(body).post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse service(String stationId) {
        return given().config(DOUBLES).get(BASE + "/services/" + id("service", stationId)).then()
                .log().ifValidationFails().statusCode(200);
    }

    @Test
    void aStationWithAmenitiesAndHoursIsExportedFieldByField() {
        String name = token() + " 卡车司机暖心驿站";
        String station = station(name);
        admin().body("""
                {"amenities": [{"amenity": "PHONE_CHARGING", "status": "OUT_OF_ORDER", "note": "充电线损坏"},
                               {"amenity": "MICROWAVE"}]}
                """).put("/api/v1/stations/" + station + "/amenities").then().statusCode(200);
        admin().body("""
                {"weekly": "Mo-Fr 08:00-12:00,14:00-18:00; Sa 22:00-06:00; Su off",
                 "seasons": [{"from": "06-01", "to": "08-31", "weekly": "Mo-Su 07:00-21:00"},
                             {"from": "2030-12-01", "to": "2030-12-31", "weekly": "Mo-Fr 09:00-17:00"}],
                 "exceptions": [{"date": "2030-02-01", "hours": "09:00-15:00", "reason": "春节前提前闭站"},
                                {"date": "2030-01-01", "reason": "元旦闭站"},
                                {"date": "2020-01-01", "reason": "早已过去"}],
                 "onPublicHoliday": "CLOSED", "makeUpWorkdayAs": "MONDAY", "timeZone": "Asia/Shanghai"}
                """).put("/api/v1/stations/" + station + "/hours").then().log().ifValidationFails().statusCode(200);

        String serviceId = id("service", station);
        String locationId = id("location", station);
        String organizationId = id("organization", "yizhan-union");
        String first = service(station).extract().asString();
        ValidatableResponse r = service(station)
                .body("id", equalTo(serviceId))
                .body("organization_id", equalTo(organizationId))
                .body("name", equalTo("户外劳动者驿站服务"))
                .body("alternate_name", equalTo("Outdoor worker rest station"))
                .body("description", containsString(name))
                .body("status", equalTo("active"))
                .body("alert", equalTo("暂停使用的设施 / Out of order: 手机充电 / Phone charging (PHONE_CHARGING)"))
                .body("organization.id", equalTo(organizationId))
                .body("organization.name", equalTo("工会户外劳动者服务站点（驿站）"))
                .body("organization.description", containsString("outdoor workers"))
                .body("service_at_locations", hasSize(1))
                .body("service_at_locations[0].id", equalTo(id("service_at_location", station)))
                .body("service_at_locations[0].service_id", equalTo(serviceId))
                .body("service_at_locations[0].location_id", equalTo(locationId));
        // The same ids (and everything else) on a second export.
        assertEquals(first, r.extract().asString());

        r.rootPath("service_at_locations[0].location")
                .body("id", equalTo(locationId))
                .body("location_type", equalTo("physical"))
                .body("organization_id", equalTo(organizationId))
                .body("name", equalTo(name))
                .body("description", equalTo("承办单位 / Host: 霍氏集团; 类型 / Host type: ENTERPRISE; "
                        + "面积 / Area: 120 m²; 座位 / Seats: 20"))
                .body("latitude", equalTo(39.7046))
                .body("longitude", equalTo(116.3127))
                .body("external_identifier", equalTo(station))
                .body("external_identifier_type", equalTo("yizhan-station-id"))
                .body("addresses", hasSize(1))
                .body("addresses[0].id", equalTo(id("address", station)))
                .body("addresses[0].location_id", equalTo(locationId))
                .body("addresses[0].address_1", equalTo("北京市大兴区京南物流基地 " + name))
                .body("addresses[0].city", equalTo("北京市"))
                .body("addresses[0].region", equalTo("大兴区"))
                .body("addresses[0].state_province", equalTo("北京市"))
                .body("addresses[0].postal_code", equalTo(""))
                .body("addresses[0].country", equalTo("CN"))
                .body("addresses[0].address_type", equalTo("physical"))
                .body("phones", hasSize(1))
                .body("phones[0].id", equalTo(id("phone", station)))
                .body("phones[0].number", equalTo("010-61234567"))
                .body("phones[0].type", equalTo("voice"));

        List<Map<String, Object>> schedules = r.extract().path("service_at_locations[0].location.schedules");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int summerYear = today.isAfter(LocalDate.of(today.getYear(), 8, 31)) ? today.getYear() + 1 : today.getYear();
        List<String> expected = List.of(
                "MO,TU,WE,TH,FR 08:00-12:00 null..null",
                "MO,TU,WE,TH,FR 14:00-18:00 null..null",
                "SA 22:00-06:00 null..null",
                "MO,TU,WE,TH,FR,SA,SU 07:00-21:00 " + summerYear + "-06-01.." + summerYear + "-08-31",
                "MO,TU,WE,TH,FR 09:00-17:00 2030-12-01..2030-12-31",
                "TU null-null 2030-01-01..2030-01-01",
                "FR 09:00-15:00 2030-02-01..2030-02-01");
        List<String> actual = new ArrayList<>();
        for (Map<String, Object> s : schedules) {
            actual.add(s.get("byday") + " " + s.get("opens_at") + "-" + s.get("closes_at") + " "
                    + s.get("valid_from") + ".." + s.get("valid_to"));
            assertEquals("WEEKLY", s.get("freq"));
            assertEquals(8.0, ((Number) s.get("timezone")).doubleValue());
            assertEquals(locationId, s.get("location_id"));
        }
        assertEquals(expected, actual);
        assertEquals(id("schedule", station + ":regular:MO,TU,WE,TH,FR:08:00-12:00"), schedules.get(0).get("id"));
        assertEquals(schedules.size(), schedules.stream().map(s -> s.get("id")).distinct().count());
        assertTrue(((String) schedules.get(2).get("description")).contains("closes 06:00 the next day"));
        assertTrue(((String) schedules.get(0).get("notes")).contains("Closed on public holidays"));
        assertTrue(((String) schedules.get(0).get("notes")).contains("Make-up working days: Monday hours"));
        assertTrue(((String) schedules.get(0).get("notes")).contains("Asia/Shanghai"));
        assertTrue(((String) schedules.get(3).get("description")).contains("every year 06-01 to 08-31"));
        assertEquals("2030-01-01 闭站：元旦闭站 / Closed on 2030-01-01: 元旦闭站", schedules.get(5).get("description"));
        assertNull(schedules.get(5).get("notes"));
        assertTrue(((String) schedules.get(6).get("description")).contains("春节前提前闭站"));

        r.rootPath("")
                .body("attributes", hasSize(2))
                .body("attributes[0].id", equalTo(id("attribute", station + ":MICROWAVE")))
                .body("attributes[0].link_id", equalTo(serviceId))
                .body("attributes[0].link_entity", equalTo("service"))
                .body("attributes[0].link_type", equalTo("amenity"))
                .body("attributes[0].value", equalTo("available"))
                .body("attributes[0].label", equalTo("微波炉 / Microwave"))
                .body("attributes[0].taxonomy_term_id", equalTo(id("taxonomy_term", "amenity:MICROWAVE")))
                .body("attributes[0].taxonomy_term.id", equalTo(id("taxonomy_term", "amenity:MICROWAVE")))
                .body("attributes[0].taxonomy_term.code", equalTo("MICROWAVE"))
                .body("attributes[0].taxonomy_term.name", equalTo("微波炉"))
                .body("attributes[0].taxonomy_term.description", equalTo("Microwave"))
                .body("attributes[0].taxonomy_term.taxonomy_id", equalTo(id("taxonomy", "amenity")))
                .body("attributes[0].taxonomy_term.taxonomy_detail.id", equalTo(id("taxonomy", "amenity")))
                .body("attributes[1].taxonomy_term.code", equalTo("PHONE_CHARGING"))
                .body("attributes[1].value", equalTo("out_of_order"))
                .body("attributes[1].label", containsString("手机充电 / Phone charging — 暂停使用 / out of order since "))
                .body("attributes[1].label", containsString(": 充电线损坏"));
        requiredHsdsFields(r.extract().path(""));
    }

    /** The fields the HSDS 3.x schema files mark required, for every object the export emits. */
    @SuppressWarnings("unchecked")
    static void requiredHsdsFields(Map<String, Object> service) {
        requireAll(service, "service", "id", "name", "status");
        assertTrue(List.of("active", "inactive", "defunct", "temporarily closed").contains(service.get("status")));
        requireAll((Map<String, Object>) service.get("organization"), "organization", "id", "name", "description");
        for (Map<String, Object> sal : (List<Map<String, Object>>) service.get("service_at_locations")) {
            requireAll(sal, "service_at_location", "id");
            Map<String, Object> location = (Map<String, Object>) sal.get("location");
            requireAll(location, "location", "id", "location_type");
            for (Map<String, Object> a : (List<Map<String, Object>>) location.get("addresses")) {
                requireAll(a, "address", "id", "address_1", "city", "state_province", "postal_code", "country",
                        "address_type");
            }
            for (Map<String, Object> p : (List<Map<String, Object>>) location.get("phones")) {
                requireAll(p, "phone", "id", "number");
            }
            for (Map<String, Object> s : (List<Map<String, Object>>) location.get("schedules")) {
                requireAll(s, "schedule", "id");
                assertTrue(List.of("WEEKLY", "MONTHLY").contains(s.get("freq")));
            }
        }
        for (Map<String, Object> a : (List<Map<String, Object>>) service.get("attributes")) {
            requireAll(a, "attribute", "id");
            Map<String, Object> term = (Map<String, Object>) a.get("taxonomy_term");
            requireAll(term, "taxonomy_term", "id", "name", "description");
            requireAll((Map<String, Object>) term.get("taxonomy_detail"), "taxonomy", "id", "name", "description");
        }
    }

    static void requireAll(Map<String, Object> object, String what, String... fields) {
        assertNotNull(object, what + " missing");
        for (String field : fields) {
            assertTrue(object.get(field) != null, what + "." + field + " is required by HSDS, got " + object);
        }
    }

    @Test
    void closedAndTemporarilyClosedStationsHaveTheirHsdsStatus() {
        String temporarily = station(token() + " 装修中驿站");
        String closed = station(token() + " 已关驿站");
        admin().body("{\"status\": \"TEMPORARILY_CLOSED\", \"reason\": \"装修\", \"expectedReopening\": \"2030-12-20\"}")
                .post("/api/v1/stations/" + temporarily + "/status").then().statusCode(200);
        admin().body("{\"status\": \"CLOSED\", \"reason\": \"停业\"}")
                .post("/api/v1/stations/" + closed + "/status").then().statusCode(200);

        service(temporarily).body("status", equalTo("temporarily closed"))
                .body("alert", equalTo("暂停开放：装修；预计 2030-12-20 恢复 / Temporarily closed: 装修; "
                        + "expected to reopen 2030-12-20"))
                .body("service_at_locations[0].location.schedules", hasSize(0))
                .body("attributes", hasSize(0));
        service(closed).body("status", equalTo("inactive")).body("alert", equalTo("已关闭：停业 / Closed: 停业"));
    }

    @Test
    void pagesCarryHsdsMetadataAndFollowRegistrationOrder() {
        String t = token();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add(t + " 站" + i);
            station(names.get(i));
        }
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            ValidatableResponse r = given().queryParam("search", t.toLowerCase(Locale.ROOT))
                    .queryParam("page", page).queryParam("per_page", 2)
                    .get(BASE + "/services").then().log().ifValidationFails().statusCode(200)
                    .body("total_items", equalTo(5))
                    .body("total_pages", equalTo(3))
                    .body("page_number", equalTo(page))
                    .body("size", equalTo(page < 3 ? 2 : 1))
                    .body("first_page", equalTo(page == 1))
                    .body("last_page", equalTo(page == 3))
                    .body("empty", equalTo(false));
            seen.addAll(r.extract().path("contents.collect { it.service_at_locations[0].location.name }"));
        }
        assertEquals(names, seen);
        given().queryParam("search", t).queryParam("page", 4).queryParam("per_page", 2)
                .get(BASE + "/services").then().statusCode(200)
                .body("total_items", equalTo(5)).body("total_pages", equalTo(3)).body("page_number", equalTo(4))
                .body("size", equalTo(0)).body("first_page", equalTo(false)).body("last_page", equalTo(true))
                .body("empty", equalTo(true)).body("contents", hasSize(0));
        given().queryParam("search", t + "-nothing").get(BASE + "/services").then().statusCode(200)
                .body("total_items", equalTo(0)).body("total_pages", equalTo(0)).body("size", equalTo(0))
                .body("first_page", equalTo(true)).body("last_page", equalTo(true)).body("empty", equalTo(true));
        // Defaults: page 1, 50 per page.
        given().queryParam("search", t).get(BASE + "/services").then().statusCode(200)
                .body("page_number", equalTo(1)).body("total_pages", equalTo(1)).body("size", equalTo(5));
    }

    @Test
    void badPagingAnswersProblemJsonWithFieldErrors() {
        given().queryParam("page", 0).queryParam("per_page", 101).get(BASE + "/services").then()
                .log().ifValidationFails()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("page", "per_page")));
        given().queryParam("per_page", 0).get(BASE + "/taxonomy_terms").then()
                .statusCode(400).body("errors.field", equalTo(List.of("per_page")));
        given().queryParam("search", "x".repeat(51)).get(BASE + "/services").then()
                .statusCode(400).body("errors.field", equalTo(List.of("search")));
        given().get(BASE + "/services/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theAmenityTaxonomyIsExportedWithItsTerms() {
        given().get(BASE + "/taxonomies").then().statusCode(200)
                .body("total_items", equalTo(1)).body("contents[0].id", equalTo(id("taxonomy", "amenity")))
                .body("contents[0].name", containsString("Yizhan station amenities"))
                .body("contents[0].description", containsString("/api/v1/stations/amenities"));
        given().queryParam("per_page", 100).get(BASE + "/taxonomy_terms").then().statusCode(200)
                .body("total_items", equalTo(Amenity.values().length))
                .body("size", equalTo(Amenity.values().length))
                .body("contents.code", equalTo(java.util.Arrays.stream(Amenity.values()).map(Enum::name).toList()))
                .body("contents.find { it.code == 'MICROWAVE' }.id", equalTo(id("taxonomy_term", "amenity:MICROWAVE")))
                .body("contents.find { it.code == 'MICROWAVE' }.name", equalTo("微波炉"));
        given().queryParam("page", 3).queryParam("per_page", 10).get(BASE + "/taxonomy_terms").then().statusCode(200)
                .body("size", equalTo(Amenity.values().length - 20)).body("last_page", equalTo(true));
    }

    @Test
    void theOpenApiDocumentDescribesTheExportWithAnExample() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/stations/hsds/services'.get.parameters.name",
                        equalTo(List.of("page", "per_page", "search")))
                .body("paths.'/api/v1/stations/hsds/services'.get.responses.'200'.content.'application/json'"
                        + ".examples.page.value.contents[0].service_at_locations[0].location.schedules[0].byday",
                        equalTo("MO,TU,WE,TH,FR"))
                .body("components.schemas.HsdsSchedule.properties.opens_at.description", containsString("HH:MM"));
    }
}
