package org.yizhan.services.activity;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Co-organisers are invited by the lead organiser and accept; an admin adds them directly; the lead stays. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class CoOrganiserTest {

    static final String PATH = "/api/v1/activities/";
    static final String ADMIN = TestTokens.token("admin-1", "union-admin");
    static final String YOUTH = TestTokens.partnerToken("youth-system", "youth-league");
    static final String WOMEN = TestTokens.partnerToken("women-system", "womens-federation");
    static final String CLINIC = TestTokens.partnerToken("clinic-system", "community-clinic");

    @Inject
    EntityManager em;

    String planned(String token, String organisers) {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.72, 116.34);
        return given().auth().oauth2(token).contentType("application/json")
                .body(ActivityFixtures.body(station, "协办测试", 3, organisers == null ? null : "\"organisers\":" + organisers))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    String body(String id, String token) {
        UUID station = UUID.fromString(given().auth().oauth2(token).when().get(PATH + id).then().extract().path("stationId"));
        return ActivityFixtures.body(station, "协办测试", 3, "\"organisers\":[\"womens-federation\",\"community-clinic\"]");
    }

    int version(String id) {
        return given().auth().oauth2(ADMIN).when().get(PATH + id).then().statusCode(200).extract().path("version");
    }

    @Test
    void aNamedPartnerIsOnlyInvitedUntilItAccepts() {
        String id = planned(YOUTH, "[\"womens-federation\"]");
        // Invited, not an organiser: it may not change the activity, and it does not count as organiser.
        given().auth().oauth2(WOMEN).contentType("application/json").header("If-Match", "\"0\"")
                .body(body(id, YOUTH)).when().put(PATH + id).then().statusCode(403);
        given().auth().oauth2(WOMEN).when().get("/api/v1/activities/organised")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(WOMEN).when().get("/api/v1/activities/invitations")
                .then().statusCode(200).body("items.id", hasItem(id));
        // Another partner cannot accept an invitation that is not its own.
        given().auth().oauth2(CLINIC).when().post(PATH + id + "/invitations/accept").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(WOMEN).when().post(PATH + id + "/invitations/accept").then().statusCode(200)
                .body("organisers", contains("womens-federation", "youth-league"));
        given().auth().oauth2(WOMEN).when().get("/api/v1/activities/organised")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(WOMEN).when().post(PATH + id + "/invitations/accept").then().statusCode(404);
    }

    @Test
    void aDeclinedInvitationIsGone() {
        String id = planned(YOUTH, "[\"womens-federation\"]");
        given().auth().oauth2(WOMEN).when().post(PATH + id + "/invitations/decline").then().statusCode(200)
                .body("organisers", contains("youth-league")).body("invitedOrganisers", nullValue());
        given().auth().oauth2(WOMEN).when().get(PATH + id).then().statusCode(404);
    }

    @Test
    void onlyTheLeadOrganiserInvitesAndNobodyRemovesIt() {
        String id = planned(YOUTH, "[\"womens-federation\"]");
        given().auth().oauth2(WOMEN).when().post(PATH + id + "/invitations/accept").then().statusCode(200);
        // A co-organiser cannot invite a third partner.
        given().auth().oauth2(WOMEN).contentType("application/json").header("If-Match", "\"" + version(id) + "\"")
                .body(body(id, WOMEN)).when().put(PATH + id).then().statusCode(403)
                .contentType("application/problem+json");
        // Nobody removes the lead organiser: not a co-organiser, not an admin.
        given().auth().oauth2(WOMEN).when().delete(PATH + id + "/organisers/youth-league").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().delete(PATH + id + "/organisers/youth-league").then().statusCode(409);
        // The lead invites; the invitation is withdrawn by the lead.
        given().auth().oauth2(YOUTH).contentType("application/json").header("If-Match", "\"" + version(id) + "\"")
                .body(body(id, YOUTH)).when().put(PATH + id).then().statusCode(200)
                .body("organisers", contains("womens-federation", "youth-league"))
                .body("invitedOrganisers", contains("community-clinic"));
        given().auth().oauth2(YOUTH).when().delete(PATH + id + "/organisers/community-clinic").then().statusCode(200)
                .body("invitedOrganisers", nullValue());
        // A co-organiser may leave.
        given().auth().oauth2(WOMEN).when().delete(PATH + id + "/organisers/womens-federation").then().statusCode(200)
                .body("organisers", contains("youth-league"));
        given().auth().oauth2(CLINIC).when().delete(PATH + id + "/organisers/womens-federation").then().statusCode(404);
    }

    @Test
    void aCoOrganiserCannotRemoveAnotherButTheLeadCan() {
        String id = planned(ADMIN, "[\"youth-league\",\"womens-federation\"]");
        // An admin adds organisers directly.
        given().auth().oauth2(ADMIN).when().get(PATH + id).then().statusCode(200)
                .body("organisers", contains("womens-federation", "youth-league"))
                .body("invitedOrganisers", nullValue()).body("leadOrganiser", nullValue());
        given().auth().oauth2(WOMEN).when().delete(PATH + id + "/organisers/youth-league").then().statusCode(403);
        given().auth().oauth2(ADMIN).when().delete(PATH + id + "/organisers/youth-league").then().statusCode(200)
                .body("organisers", contains("womens-federation"));
        given().auth().oauth2(ADMIN).when().delete(PATH + id + "/organisers/womens-federation").then().statusCode(409);
        String led = planned(YOUTH, "[\"womens-federation\"]");
        given().auth().oauth2(WOMEN).when().post(PATH + led + "/invitations/accept").then().statusCode(200);
        given().auth().oauth2(YOUTH).when().delete(PATH + led + "/organisers/womens-federation").then().statusCode(200)
                .body("organisers", contains("youth-league")).body("version", equalTo(2));
    }
}
