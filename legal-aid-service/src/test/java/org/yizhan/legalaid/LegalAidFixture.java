package org.yizhan.legalaid;

import io.restassured.http.ContentType;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.localstack.testing.TopicProbe;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Stations (through station-service's event), lawyers and duty sessions, made the way production makes them. */
public final class LegalAidFixture {

    public static final String ADMIN = token("legal-admin-1", "union-admin");

    private LegalAidFixture() {
    }

    /** An active station at the point, in the replica (published as station.registered). */
    public static UUID station(StationReplica replica, CloudEventCodec codec, double lat, double lon) {
        return station(replica, codec, lat, lon, "大兴区");
    }

    /** An active station at the point in the district, in the replica (published as station.registered). */
    public static UUID station(StationReplica replica, CloudEventCodec codec, double lat, double lon, String district) {
        UUID id = UUID.randomUUID();
        StationRegistered registered = new StationRegistered(id, "黄村镇快递驿站", "UNION", "大兴区总工会",
                "黄村镇兴华大街1号", district, lat, lon, "ACTIVE", Instant.parse("2026-05-01T01:00:00Z"));
        byte[] event = codec.serialize(codec.create(URI.create("/yizhan/station-service"),
                EventTypes.STATION_REGISTERED, id.toString(), registered));
        TopicProbe.publish(Topics.STATION, id.toString(), new String(event, StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(id).isPresent());
        return id;
    }

    /** A 17-digit licence number nobody has yet. */
    public static String licence() {
        return String.format("%017d", ThreadLocalRandom.current().nextLong(1, 99_999_999_999_999_999L));
    }

    /** Registers a lawyer who signs in as {@code subject}; returns the lawyer's id. */
    public static String lawyer(String subject, String name) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "licenceNumber": "%s", "firm": "北京市大兴区法律援助中心", "subject": "%s"}"""
                        .formatted(name, licence(), subject))
                .post("/api/v1/legal-aid/lawyers").then().statusCode(201).extract().path("id");
    }

    /** A session of {@code slots} slots of 20 minutes starting tomorrow (whole minutes); returns its slot ids. */
    public static Session session(UUID stationId, String lawyerId, int slots, int daysAhead) {
        Instant start = Instant.now().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"stationId": "%s", "lawyerId": "%s", "startsAt": "%s", "endsAt": "%s", "slotMinutes": 20}"""
                        .formatted(stationId, lawyerId, start, start.plus(Duration.ofMinutes(20L * slots))))
                .post("/api/v1/legal-aid/sessions").then().statusCode(201).extract();
        return new Session(created.path("id"), created.path("slots.id"));
    }

    /** A planned session and its slots. */
    public record Session(String id, List<String> slotIds) {
    }
}
