package org.yizhan.checkup.booking;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.yizhan.localstack.testing.ServiceDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.yizhan.localstack.testing.TestTokens.token;

/** A published, bookable campaign with one clinic site and a day of slots, made through the API. */
public record BookingFixture(String campaignId, String siteId, List<String> slotIds) {

    public static final String ADMIN = token("union-admin-3", "union-admin");
    public static final String HOSPITAL = "daxing-district-hospital";

    public static BookingFixture create(int slots, int capacity) {
        return create(slots, capacity, "2099-01-01T00:00:00Z");
    }

    /** A campaign whose booking closes at {@code closesAt} (after the slots, seven days from today). */
    public static BookingFixture create(int slots, int capacity, String closesAt) {
        String campaign = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                        {"name": "体检 %s", "year": 2026, "organiser": "大兴区总工会",
                         "packages": [{"occupation": "FOOD_DELIVERY", "items": ["BASIC", "SPINE"]},
                                      {"occupation": "COURIER", "items": ["BASIC"]}],
                         "clinics": ["%s"],
                         "bookingOpensAt": "2026-01-01T00:00:00Z", "bookingClosesAt": "%s"}
                        """.formatted(UUID.randomUUID(), HOSPITAL, closesAt))
                .post("/api/v1/checkups/campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).post("/api/v1/checkups/campaigns/" + campaign + "/publish").then().statusCode(200);
        String site = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                        {"kind": "CLINIC", "clinic": "%s", "name": "大兴区人民医院体检中心", "address": "黄村西大街26号",
                         "latitude": 39.7268, "longitude": 116.3267}""".formatted(HOSPITAL))
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites").then().statusCode(201).extract().path("id");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7);
        String to = String.format("%02d:%02d", 8 + (slots * 30) / 60, (slots * 30) % 60);
        List<String> ids = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"day\": \"%s\", \"from\": \"08:00\", \"to\": \"%s\", \"minutes\": 30, \"capacity\": %d}"
                        .formatted(day, to, capacity))
                .put("/api/v1/checkups/campaigns/" + campaign + "/sites/" + site + "/days")
                .then().statusCode(200).extract().path("items.id");
        return new BookingFixture(campaign, site, ids);
    }

    public static String holdBody(String occupation, String riderId, String name, String phone) {
        return """
                {"occupation": "%s", "platform": "meituan", "riderId": "%s", "name": "%s", "phone": "%s"}"""
                .formatted(occupation, riderId, name, phone);
    }

    public static Response hold(String worker, String slotId, String body) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON).body(withSlot(slotId, body))
                .post("/api/v1/checkups/appointments");
    }

    /** Sets a quota of the campaign for the slots' day ({@code siteId} null: every site). */
    public void quota(String occupation, String siteId, int places) {
        String day = siteId == null ? "" : ", \"day\": \"" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7) + "\"";
        String site = siteId == null ? "" : ", \"siteId\": \"" + siteId + "\"";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"occupation\": \"" + occupation + "\", \"places\": " + places + site + day + "}")
                .put("/api/v1/checkups/campaigns/" + campaignId + "/quotas").then().statusCode(200);
    }

    /** The body with the slot to hold a place in. */
    public static String withSlot(String slotId, String body) {
        return body.replaceFirst("\\{", "{\"slotId\": \"" + slotId + "\", ");
    }

    public String consentVersion(String worker) {
        return given().auth().oauth2(worker).get("/api/v1/checkups/campaigns/" + campaignId + "/consent")
                .then().statusCode(200).extract().path("version");
    }

    /** Holds a place in the slot and confirms it; returns the appointment id. */
    public String book(String worker, String slotId, String body) {
        String id = hold(worker, slotId, body).then().statusCode(201).extract().path("id");
        confirm(worker, id, consentVersion(worker)).then().statusCode(200);
        return id;
    }

    public static Response confirm(String worker, String appointmentId, String version) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"consentVersion\": \"%s\", \"agree\": true}".formatted(version))
                .post("/api/v1/checkups/appointments/" + appointmentId + "/confirm");
    }

    /** Places of the slot neither booked nor held. */
    public static int free(String slotId) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select capacity - booked - held from slot where id = '" + slotId + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** When the slot starts, as stored. */
    public static java.time.Instant slotStart(String slotId) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select starts_at from slot where id = '" + UUID.fromString(slotId) + "'")) {
            rows.next();
            return rows.getTimestamp(1).toInstant();
        }
    }
}
