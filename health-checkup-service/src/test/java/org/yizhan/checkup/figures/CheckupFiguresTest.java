package org.yizhan.checkup.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.feed.CampaignSetup;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.checkup.feed.CampaignSetup.ADMIN;
import static org.yizhan.localstack.testing.TestTokens.clinicToken;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Places offered, booked, attended and missed, counted from known bookings on real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class CheckupFiguresTest {

    @Inject
    EntityManager em;

    private static final String CLINIC = "fig-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(9).getYear();
    private static CampaignSetup campaign;
    private static String siteA;
    private static String siteB;

    /**
     * Site A: 2 slots of 5 places; 3 riders booked (1 arrived, 1 fulfilled, 1 noshow), 1 courier booked,
     * 1 rider only holding; 2 couriers booked of whom 1 cancelled and 1 more waitlisted. Site B: 1 slot
     * of 4; 2 riders booked, 1 fulfilled. A draft of the same clinic with a booked-looking slot counts nothing.
     */
    @BeforeEach
    void knownBookings() throws Exception {
        if (campaign != null) {
            return; // made once for the class; the tests only read
        }
        campaign = CampaignSetup.published(YEAR, CLINIC, "FOOD_DELIVERY", "COURIER");
        siteA = campaign.site("体检中心甲");
        siteB = campaign.site("体检中心乙");
        List<String> a = campaign.slots(siteA, 9, 2, 5);
        String b = campaign.slots(siteB, 9, 1, 4).get(0);
        CampaignSetup.status(campaign.book(a.get(0), "FOOD_DELIVERY"), "arrived");
        CampaignSetup.status(campaign.book(a.get(0), "FOOD_DELIVERY"), "fulfilled");
        CampaignSetup.status(campaign.book(a.get(0), "FOOD_DELIVERY"), "noshow");
        campaign.book(a.get(0), "COURIER");
        campaign.hold(a.get(0), "FOOD_DELIVERY");
        campaign.book(a.get(1), "COURIER");
        CampaignSetup.status(campaign.book(a.get(1), "COURIER"), "cancelled");
        CampaignSetup.status(campaign.hold(a.get(1), "COURIER"), "waitlist");
        CampaignSetup.status(campaign.book(b, "FOOD_DELIVERY"), "fulfilled");
        campaign.book(b, "FOOD_DELIVERY");
        CampaignSetup draft = CampaignSetup.draft(YEAR, CLINIC, "COURIER");
        draft.slots(draft.site("草稿体检点"), 9, 1, 30);
    }

    @Test
    void theTotalOfACampaignCountsPlacesBookingsAttendanceAndNoShows() {
        Response r = figures(ADMIN, "year=" + YEAR + "&groupBy=&campaignId=" + campaign.id);
        assertEquals(Map.of("offered", 14, "booked", 7, "attended", 3, "noShow", 1), counts(r.path("total")));
        assertEquals(List.of(), r.path("rows"));
    }

    @Test
    void bySiteAndByCampaign() {
        Response r = figures(ADMIN, "year=" + YEAR + "&groupBy=site&campaignId=" + campaign.id);
        List<Map<String, Object>> rows = r.path("rows");
        assertEquals(2, rows.size());
        Map<String, Object> a = row(rows, "site", siteA);
        assertEquals(Map.of("offered", 10, "booked", 5, "attended", 2, "noShow", 1), counts(a));
        assertEquals("体检中心甲", ((Map<?, ?>) a.get("names")).get("site"));
        assertEquals(Map.of("offered", 4, "booked", 2, "attended", 1, "noShow", 0), counts(row(rows, "site", siteB)));

        Response byCampaign = figures(ADMIN, "year=" + YEAR + "&groupBy=campaign,year&campaignId=" + campaign.id);
        Map<String, Object> only = byCampaign.<List<Map<String, Object>>>path("rows").get(0);
        assertEquals(Map.of("campaign", campaign.id, "year", String.valueOf(YEAR)), only.get("key"));
        assertEquals(Map.of("offered", 14, "booked", 7, "attended", 3, "noShow", 1), counts(only));
    }

    @Test
    void byOccupationPlacesOfferedAreNotSplit() {
        Response r = figures(ADMIN, "year=" + YEAR + "&groupBy=occupation&campaignId=" + campaign.id);
        List<Map<String, Object>> rows = r.path("rows");
        Map<String, Object> riders = row(rows, "occupation", "FOOD_DELIVERY");
        assertNull(riders.get("offered"));
        assertEquals(5, riders.get("booked"));
        assertEquals(3, riders.get("attended"));
        assertEquals(1, riders.get("noShow"));
        Map<String, Object> couriers = row(rows, "occupation", "COURIER");
        assertEquals(List.of(2, 0, 0), List.of(couriers.get("booked"), couriers.get("attended"), couriers.get("noShow")));
        assertEquals(14, r.<Integer>path("total.offered"), "the total still has the places");
        Response couriersOnly = figures(ADMIN, "year=" + YEAR + "&occupation=COURIER&campaignId=" + campaign.id);
        assertNull(couriersOnly.path("total.offered"));
        assertEquals(2, couriersOnly.<Integer>path("total.booked"));
    }

    @Test
    void unionStaffSeeEverySiteLikeAdmins() {
        Response staff = figures(token("staff-figures", "union-staff"), "year=" + YEAR + "&campaignId=" + campaign.id);
        assertEquals(Map.of("offered", 14, "booked", 7, "attended", 3, "noShow", 1), counts(staff.path("total")));
    }

    @Test
    void aClinicSeesItsOwnSitesOnly() {
        Response own = figures(clinicToken("clinic-staff-1", CLINIC), "year=" + YEAR + "&groupBy=campaign");
        assertEquals(1, own.<List<?>>path("rows").size(), "the draft never counts");
        assertEquals(Map.of("offered", 14, "booked", 7, "attended", 3, "noShow", 1), counts(own.path("total")));
        Response other = figures(clinicToken("clinic-staff-2", "another-clinic-" + UUID.randomUUID()),
                "year=" + YEAR + "&campaignId=" + campaign.id);
        assertEquals(Map.of("offered", 0, "booked", 0, "attended", 0, "noShow", 0), counts(other.path("total")));
        given().auth().oauth2(token("clinic-without-org", "clinic")).get("/api/v1/checkups/figures")
                .then().statusCode(403);
        given().auth().oauth2(token("rider-9", "worker")).get("/api/v1/checkups/figures").then().statusCode(403);
    }

    @Test
    void aDistrictCountsTheSitesAtItsStationsOnly() {
        UUID station = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into station_replica (station_id, version, name, host_type, address, district,"
                            + " latitude, longitude, status, registered_at, last_event_id, updated_at) values (:id, 0,"
                            + " '体检驿站', 'RESTAURANT', '北京市大兴区', '大兴区', 39.7, 116.3, 'ACTIVE', now(), :event, now())")
                    .setParameter("id", station).setParameter("event", "fixture-" + station).executeUpdate();
            em.createNativeQuery("update site set station_id = :station where id = :site")
                    .setParameter("station", station).setParameter("site", UUID.fromString(siteA)).executeUpdate();
        });
        try {
            Response daxing = figures(ADMIN, "year=" + YEAR + "&campaignId=" + campaign.id + "&district=大兴区");
            assertEquals(Map.of("offered", 10, "booked", 5, "attended", 2, "noShow", 1), counts(daxing.path("total")));
            Response chaoyang = figures(ADMIN, "year=" + YEAR + "&campaignId=" + campaign.id + "&district=朝阳区");
            assertEquals(Map.of("offered", 0, "booked", 0, "attended", 0, "noShow", 0), counts(chaoyang.path("total")));
            given().auth().oauth2(ADMIN).queryParam("district", "区".repeat(61)).get("/api/v1/checkups/figures")
                    .then().statusCode(400).body("errors.field", hasItem("district"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update site set station_id = null where id = :site")
                    .setParameter("site", UUID.fromString(siteA)).executeUpdate());
        }
    }

    @Test
    void asCsvWithTheTotalLast() {
        Response r = given().auth().oauth2(ADMIN).accept("text/csv")
                .get("/api/v1/checkups/figures?year=" + YEAR + "&groupBy=site&campaignId=" + campaign.id);
        r.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        String text = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "byte-order mark");
        List<String> lines = text.substring(1).lines().toList();
        assertEquals("site,site_name,offered,booked,attended,no_show", lines.get(0));
        assertTrue(lines.contains(siteA + ",体检中心甲,10,5,2,1"), text);
        assertEquals("合计 total,,14,7,3,1", lines.get(lines.size() - 1));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (String[] bad : List.of(new String[] {"groupBy=site,bogus", "groupBy"}, new String[] {"year=1999", "year"},
                new String[] {"from=2026-02-01&to=2026-01-01", "to"}, new String[] {"occupation=PILOT", "occupation"},
                new String[] {"campaignId=nope", "campaignId"}, new String[] {"groupBy=site,site", "groupBy"})) {
            given().auth().oauth2(ADMIN).get("/api/v1/checkups/figures?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
    }

    private static Response figures(String bearer, String query) {
        Response r = given().auth().oauth2(bearer).get("/api/v1/checkups/figures?" + query);
        r.then().statusCode(200);
        return r;
    }

    private static Map<String, Object> counts(Map<String, Object> row) {
        Map<String, Object> counts = new java.util.HashMap<>();
        for (String name : List.of("offered", "booked", "attended", "noShow")) {
            if (row.get(name) != null) {
                counts.put(name, row.get(name));
            }
        }
        return counts;
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String dimension, String value) {
        return rows.stream().filter(r -> value.equals(((Map<?, ?>) r.get("key")).get(dimension))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + dimension + "=" + value + " in " + rows));
    }
}
