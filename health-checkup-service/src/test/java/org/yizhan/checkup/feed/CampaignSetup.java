package org.yizhan.checkup.feed;

import io.restassured.http.ContentType;
import org.yizhan.localstack.testing.ServiceDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.yizhan.localstack.testing.TestTokens.token;

/**
 * A campaign built through the API for the feed, figures and findings tests: any occupations, any
 * number of sites and days, bookings made by hold and confirm; the states that other endpoints set
 * (arrived, fulfilled, noshow) are set with SQL.
 */
public final class CampaignSetup {

    public static final String ADMIN = token("union-admin-7", "union-admin");
    private static final String PATH = "/api/v1/checkups/campaigns/";
    private static final String CAMPAIGNS = "/api/v1/checkups/campaigns";

    public final String id;
    public final String clinic;

    private CampaignSetup(String id, String clinic) {
        this.id = id;
        this.clinic = clinic;
    }

    /** A draft of {@code year} for {@code occupations} with one clinic; booking open from 2026 to 2099. */
    public static CampaignSetup draft(int year, String clinic, String... occupations) {
        StringBuilder packages = new StringBuilder();
        for (String occupation : occupations) {
            packages.append(packages.isEmpty() ? "" : ",")
                    .append("{\"occupation\":\"").append(occupation).append("\",\"items\":[\"BASIC\"]}");
        }
        String body = "{\"name\":\"户外劳动者体检 " + UUID.randomUUID().toString().substring(0, 8) + "\",\"year\":" + year
                + ",\"organiser\":\"大兴区总工会\",\"packages\":[" + packages + "],\"clinics\":[\"" + clinic + "\"],"
                + "\"bookingOpensAt\":\"2026-01-01T00:00:00Z\",\"bookingClosesAt\":\"2099-01-01T00:00:00Z\"}";
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post(CAMPAIGNS)
                .then().statusCode(201).extract().path("id");
        return new CampaignSetup(id, clinic);
    }

    /** A published campaign, booking open. */
    public static CampaignSetup published(int year, String clinic, String... occupations) {
        CampaignSetup c = draft(year, clinic, occupations);
        given().auth().oauth2(ADMIN).post(PATH + c.id + "/publish").then().statusCode(200);
        return c;
    }

    /** Adds a clinic site of the campaign's clinic. */
    public String site(String name) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"CLINIC\",\"clinic\":\"" + clinic + "\",\"name\":\"" + name
                        + "\",\"address\":\"黄村西大街26号\",\"latitude\":39.73,\"longitude\":116.33}")
                .post(PATH + id + "/sites").then().statusCode(201).extract().path("id");
    }

    /** Opens {@code slots} half-hour slots from 08:00 with {@code capacity} places, {@code daysAhead} days from today. */
    public List<String> slots(String siteId, int daysAhead, int slots, int capacity) {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(daysAhead);
        int end = 8 * 60 + 30 * slots;
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"day\":\"" + day + "\",\"from\":\"08:00\",\"to\":\"" + String.format("%02d:%02d", end / 60, end % 60)
                        + "\",\"minutes\":30,\"capacity\":" + capacity + "}")
                .put(PATH + id + "/sites/" + siteId + "/days").then().statusCode(200).extract().path("items.id");
    }

    /** Holds a place for a new worker; the appointment id. */
    public String hold(String slotId, String occupation) {
        String worker = UUID.randomUUID().toString();
        return given().auth().oauth2(token("w-" + worker, "worker")).contentType(ContentType.JSON)
                .body("{\"slotId\":\"" + slotId + "\",\"occupation\":\"" + occupation + "\",\"platform\":\"meituan\","
                        + "\"riderId\":\"R-" + worker + "\",\"name\":\"李四\",\"phone\":\"13700001111\"}")
                .post("/api/v1/checkups/appointments").then().statusCode(201).extract().path("id");
    }

    /** Books a place for a new worker (hold, then confirm with consent); the appointment id. */
    public String book(String slotId, String occupation) {
        String worker = UUID.randomUUID().toString();
        String bearer = token("w-" + worker, "worker");
        String appointment = given().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body("{\"slotId\":\"" + slotId + "\",\"occupation\":\"" + occupation + "\",\"platform\":\"eleme\","
                        + "\"riderId\":\"E-" + worker + "\",\"name\":\"赵六\",\"phone\":\"13600002222\"}")
                .post("/api/v1/checkups/appointments").then().statusCode(201).extract().path("id");
        String version = given().auth().oauth2(bearer).get(PATH + id + "/consent").then().statusCode(200)
                .extract().path("version");
        given().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body("{\"consentVersion\":\"" + version + "\",\"agree\":true}")
                .post("/api/v1/checkups/appointments/" + appointment + "/confirm").then().statusCode(200);
        return appointment;
    }

    /** Sets an appointment's status as the on-site endpoints would (arrived, fulfilled, noshow). */
    public static void status(String appointmentId, String status) throws SQLException {
        sql("update appointment set status = ? where id = ?::uuid", status, appointmentId);
    }

    /** Runs one statement on the service's database with text parameters. */
    public static void sql(String statement, String... params) throws SQLException {
        try (Connection c = ServiceDatabase.open(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
