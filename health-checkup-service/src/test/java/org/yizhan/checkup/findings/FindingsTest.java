package org.yizhan.checkup.findings;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.feed.CampaignSetup;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.checkup.feed.CampaignSetup.ADMIN;
import static org.yizhan.localstack.testing.TestTokens.clinicToken;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Clinics upload aggregate findings; readers get them with small cells suppressed. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class FindingsTest {

    private static String upload(String campaignId, String siteId, int examined, String counts) {
        return "{" + (siteId == null ? "" : "\"siteId\":\"" + siteId + "\",") + "\"examined\":" + examined
                + ",\"counts\":[" + counts + "]}";
    }

    private static Response put(String bearer, String campaignId, String body) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON).body(body)
                .put("/api/v1/checkups/campaigns/" + campaignId + "/findings");
    }

    @Test
    void perSiteReportsAreReplacedOnUploadAndReadWithSmallCellsSuppressed() throws SQLException {
        String clinic = "findings-" + UUID.randomUUID().toString().substring(0, 8);
        CampaignSetup c = CampaignSetup.published(2026, clinic, "COURIER");
        String siteA = c.site("甲");
        String siteB = c.site("乙");
        String staff = clinicToken("doctor-1", clinic);

        put(staff, c.id, upload(c.id, siteA, 60, "{\"category\":\"HYPERTENSION\",\"persons\":30}")).then().statusCode(200);
        // Uploading again replaces: the first numbers are gone.
        put(staff, c.id, upload(c.id, siteA, 40, "{\"category\":\"HYPERTENSION\",\"persons\":2},"
                + "{\"category\":\"OVERWEIGHT\",\"persons\":10}")).then().statusCode(200)
                .body("examined", equalTo(40)).body("findings.find { it.category == 'HYPERTENSION' }.persons", equalTo(2));
        put(staff, c.id, upload(c.id, siteA, 40, "{\"category\":\"HYPERTENSION\",\"persons\":2},"
                + "{\"category\":\"OVERWEIGHT\",\"persons\":10}")).then().statusCode(200);
        put(staff, c.id, upload(c.id, siteB, 50, "{\"category\":\"HYPERTENSION\",\"persons\":7},"
                + "{\"category\":\"OVERWEIGHT\",\"persons\":12}")).then().statusCode(200);
        assertEquals(2, rows(c.id), "one report per site, replaced");

        for (String reader : List.of(ADMIN, staff)) {
            Response r = given().auth().oauth2(reader).get("/api/v1/checkups/campaigns/" + c.id + "/findings");
            r.then().statusCode(200).body("minimumCell", equalTo(5));
            Map<String, Object> a = report(r, siteA);
            Map<String, Object> b = report(r, siteB);
            assertNull(cell(a, "HYPERTENSION").get("persons"), "2 is below 5");
            assertEquals(true, cell(a, "HYPERTENSION").get("suppressed"));
            assertNull(cell(b, "HYPERTENSION").get("persons"), "7 would give the 2 away from the total of 9");
            assertEquals(9, cell(r.path("total"), "HYPERTENSION").get("persons"));
            assertEquals(10, cell(a, "OVERWEIGHT").get("persons"));
            assertEquals(22, cell(r.path("total"), "OVERWEIGHT").get("persons"));
            assertEquals(0, cell(a, "ABNORMAL_ECG").get("persons"), "zero is shown");
            assertEquals(90, r.<Integer>path("total.examined"));
        }
    }

    @Test
    void onlyTheCampaignsClinicsMayUploadAndReadAndOnlyForTheirOwnSites() {
        String clinic = "findings-" + UUID.randomUUID().toString().substring(0, 8);
        CampaignSetup c = CampaignSetup.published(2026, clinic, "COURIER");
        String site = c.site("丙");
        String body = upload(c.id, site, 20, "{\"category\":\"OTHER\",\"persons\":6}");
        put(clinicToken("doctor-2", "another-clinic"), c.id, body).then().statusCode(403);
        put(token("rider-3", "worker"), c.id, body).then().statusCode(403);
        put(ADMIN, c.id, body).then().statusCode(403);
        given().auth().oauth2(clinicToken("doctor-2", "another-clinic"))
                .get("/api/v1/checkups/campaigns/" + c.id + "/findings").then().statusCode(403);
        given().auth().oauth2(token("rider-3", "worker"))
                .get("/api/v1/checkups/campaigns/" + c.id + "/findings").then().statusCode(403);
        put(clinicToken("doctor-3", clinic), UUID.randomUUID().toString(), body).then().statusCode(404);

        put(clinicToken("doctor-3", clinic), c.id, upload(c.id, null, 20, "{\"category\":\"OTHER\",\"persons\":6}"))
                .then().statusCode(200);
        put(clinicToken("doctor-3", clinic), c.id, body).then().statusCode(409);
    }

    @Test
    void noPersonLevelDataAndNoImpossibleCountsAreAccepted() throws SQLException {
        String clinic = "findings-" + UUID.randomUUID().toString().substring(0, 8);
        CampaignSetup c = CampaignSetup.published(2026, clinic, "COURIER");
        String site = c.site("丁");
        String staff = clinicToken("doctor-4", clinic);
        Map<String, String> bad = new HashMap<>();
        bad.put("{\"siteId\":\"" + site + "\",\"examined\":10,\"counts\":[],\"persons\":[{\"name\":\"王五\"}]}", "persons");
        bad.put(upload(c.id, site, 10, "{\"category\":\"HYPERTENSION\",\"persons\":6,\"name\":\"王五\"}"),
                "counts[0].name");
        bad.put(upload(c.id, site, 10, "{\"category\":\"HYPERTENSION\",\"persons\":11}"), "counts[0].persons");
        bad.put(upload(c.id, site, 10, "{\"category\":\"HYPERTENSION\",\"persons\":1},"
                + "{\"category\":\"HYPERTENSION\",\"persons\":2}"), "counts[1].category");
        bad.put(upload(c.id, site, 10, "{\"category\":\"DIABETES_TYPE_2\",\"persons\":1}"), "counts[0].category");
        bad.put(upload(c.id, site, -1, ""), "examined");
        bad.put(upload(c.id, UUID.randomUUID().toString(), 10, ""), "siteId");
        bad.put("{\"counts\":[]}", "examined");
        bad.forEach((body, field) -> put(staff, c.id, body).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        assertEquals(0, rows(c.id), "nothing stored");
    }

    private static int rows(String campaignId) throws SQLException {
        try (Connection db = ServiceDatabase.open();
             PreparedStatement s = db.prepareStatement("select count(*) from finding_report where campaign_id = ?::uuid")) {
            s.setString(1, campaignId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static Map<String, Object> report(Response r, String siteId) {
        List<Map<String, Object>> reports = r.path("reports");
        return reports.stream().filter(x -> siteId.equals(x.get("siteId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> report, String category) {
        return ((List<Map<String, Object>>) report.get("findings")).stream()
                .filter(x -> category.equals(x.get("category"))).findFirst().orElseThrow();
    }
}
