package org.yizhan.legalaid.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.localstack.testing.TestTokens.token;

/** The audit log: admins query it, and the database itself refuses to rewrite it. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class AuditLogTest {

    @Test
    void anAdminsQueryIsItselfRecordedAndPagesNewestFirst() {
        String subject = "audit-admin-" + UUID.randomUUID();
        String admin = token(subject, "union-admin");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).queryParam("actor", subject).get("/api/v1/legal-aid/audit")
                    .then().statusCode(200);
        }
        var first = given().auth().oauth2(admin).queryParam("actor", subject).queryParam("limit", 2)
                .get("/api/v1/legal-aid/audit").then().statusCode(200)
                .body("items", hasSize(2)).body("items.actor", everyItem(equalTo(subject)))
                .body("items.actorKind", everyItem(equalTo("STAFF"))).body("items.role", everyItem(equalTo("union-admin")))
                .body("items.action", everyItem(equalTo("LIST"))).body("items.targetKind", everyItem(equalTo("AUDIT_LOG")))
                .body("nextCursor", notNullValue()).extract();
        List<Integer> seqs = first.path("items.seq");
        assertTrue(seqs.get(0) > seqs.get(1), "newest first");
        // The first page held two of the three earlier queries; its own entry is newer than its cursor.
        List<Integer> rest = given().auth().oauth2(admin).queryParam("actor", subject).queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/v1/legal-aid/audit").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", org.hamcrest.Matchers.nullValue()).extract().path("items.seq");
        assertTrue(rest.get(0) < seqs.get(1), "the next page goes on where the first ended");
    }

    @Test
    void onlyAdminsQueryTheLog() {
        for (String role : List.of("worker", "lawyer", "union-staff")) {
            given().auth().oauth2(token("someone", role)).get("/api/v1/legal-aid/audit").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/legal-aid/audit").then().statusCode(401);
    }

    @Test
    void badParametersAreNamedAndRecordNothing() throws SQLException {
        long before = count();
        given().auth().oauth2(token("audit-admin-2", "union-admin")).header("Accept-Language", "en")
                .queryParam("action", "ERASE").queryParam("limit", "0").queryParam("from", "yesterday")
                .queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/v1/legal-aid/audit").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("action")).body("errors.field", hasItem("limit"))
                .body("errors.field", hasItem("from"));
        given().auth().oauth2(token("audit-admin-2", "union-admin"))
                .queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/v1/legal-aid/audit").then().statusCode(400).body("errors.field", hasItem("cursor"));
        assertEquals(before, count(), "a refused query adds no entry");
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() throws SQLException {
        given().auth().oauth2(token("audit-admin-3", "union-admin")).get("/api/v1/legal-aid/audit").then().statusCode(200);
        long before = count();
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_entry set purpose = 'rewritten' where actor = 'audit-admin-3'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_entry where actor = 'audit-admin-3'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("truncate audit_entry"));
            assertThrows(SQLException.class, () -> s.executeUpdate("update audit_entry set seq = seq + 1000000"));
        }
        assertEquals(before, count(), "nothing was removed");
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from audit_entry where purpose = 'rewritten'")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "nothing was rewritten");
        }
    }

    static long count() throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from audit_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
