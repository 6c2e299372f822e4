package org.yizhan.kit.replica;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.events.station.StationStatusChanged;
import org.yizhan.events.station.StationUpdated;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.testapp.TestStationListener;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's station replica, fed through Kafka the way station-service publishes, read back through its API. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class StationReplicaTest {

    private static final URI SOURCE = URI.create("/yizhan/station-service");
    private static final GeoPoint TIANANMEN = new GeoPoint(39.9087, 116.3975);
    private static final Instant REGISTERED = Instant.parse("2026-03-01T02:00:00Z");

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    @Inject
    TestStationListener listener;

    @Test
    void eventsBuildTheReplicaAndAnOlderEventNeverBringsBackAnOldState() {
        UUID id = UUID.randomUUID();
        publish(id, EventTypes.STATION_REGISTERED, registered(id, "东城快递驿站", TIANANMEN));
        publish(id, EventTypes.STATION_UPDATED, updated(id, 2, "东城快递小哥驿站", "PAUSED", "装修"));
        // Reordered: version 1 arrives after version 2 and changes nothing.
        publish(id, EventTypes.STATION_STATUS_CHANGED, statusChanged(id, 1, "ACTIVE", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.changesOf(id).size() >= 2);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                .until(() -> replica.find(id).map(ReplicatedStation::version).orElse(-1) == 2);

        ReplicatedStation station = replica.require(id);
        assertEquals("东城快递小哥驿站", station.name());
        assertEquals("PAUSED", station.status());
        assertEquals("装修", station.statusReason());
        assertEquals(REGISTERED, station.registeredAt());
        assertFalse(station.active());
        List<TestStationListener.Change> changes = listener.changesOf(id);
        assertEquals(2, changes.size(), "the stale status change reached no listener");
        assertNull(changes.get(0).previous());
        assertEquals("ACTIVE", changes.get(1).previous().status());

        publish(id, EventTypes.STATION_STATUS_CHANGED, statusChanged(id, 3, "ACTIVE", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.require(id).active());
        assertNull(replica.require(id).statusReason());
    }

    @Test
    void nearFindsTheStationsInTheCircleNearestFirstAndCanLeaveOutClosedOnes() {
        UUID near = UUID.randomUUID();
        UUID nearer = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        UUID far = UUID.randomUUID();
        GeoPoint centre = new GeoPoint(-33.8688, 151.2093); // no other test places stations here
        publish(near, EventTypes.STATION_REGISTERED, registered(near, "near", offset(centre, 0.010)));
        publish(nearer, EventTypes.STATION_REGISTERED, registered(nearer, "nearer", offset(centre, 0.002)));
        publish(closed, EventTypes.STATION_REGISTERED, registered(closed, "closed", offset(centre, 0.001)));
        publish(closed, EventTypes.STATION_STATUS_CHANGED, statusChanged(closed, 1, "CLOSED", "拆除"));
        publish(far, EventTypes.STATION_REGISTERED, registered(far, "far", offset(centre, 0.2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(far).isPresent()
                && replica.find(closed).map(s -> "CLOSED".equals(s.status())).orElse(false));

        GeoCircle circle = new GeoCircle(centre, 3_000);
        List<StationReplica.Nearby> all = replica.near(circle, false, 10);
        assertEquals(List.of(closed, nearer, near), all.stream().map(n -> n.station().stationId()).toList());
        assertTrue(all.get(0).distanceMetres() < all.get(1).distanceMetres());
        List<StationReplica.Nearby> open = replica.near(circle, true, 10);
        assertEquals(List.of(nearer, near), open.stream().map(n -> n.station().stationId()).toList());
        assertEquals(1, replica.near(circle, true, 1).size());
    }

    @Test
    void pagesWalkEveryStationOnceAndAnUnknownOneIsA404() {
        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            mine.add(id);
            publish(id, EventTypes.STATION_REGISTERED, registered(id, "page-" + i, TIANANMEN));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mine.stream().allMatch(id -> replica.find(id).isPresent()));
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<ReplicatedStation> page = replica.page(cursor, 2);
            assertTrue(page.items().size() <= 2);
            page.items().forEach(s -> seen.add(s.stationId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no station twice");
        assertTrue(seen.containsAll(mine));

        ProblemException missing = assertThrows(ProblemException.class, () -> replica.require(UUID.randomUUID()));
        assertEquals(404, missing.type().status());
    }

    @Test
    void aStatusChangeOfAStationNeverRegisteredIsDeadLetteredWithItsReason() {
        UUID unknown = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.open("yizhan.dlq.kit-test")) {
            publish(unknown, EventTypes.STATION_STATUS_CHANGED, statusChanged(unknown, 4, "CLOSED", null));
            TopicProbe.Message dead = deadLetters.await(m -> unknown.toString().equals(m.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no dead letter"));
            assertTrue(dead.headers().get("yizhan-dlq-reason").contains("never registered"));
        }
        assertTrue(replica.find(unknown).isEmpty());
    }

    private void publish(UUID stationId, String type, Object data) {
        CloudEvent event = codec.create(SOURCE, type, stationId.toString(), data);
        TopicProbe.publish(Topics.STATION, stationId.toString(),
                new String(codec.serialize(event), StandardCharsets.UTF_8));
    }

    private static StationRegistered registered(UUID id, String name, GeoPoint at) {
        return new StationRegistered(id, name, "UNION", "东城区总工会", "东长安街1号", "东城区", at.latitude(),
                at.longitude(), "ACTIVE", REGISTERED);
    }

    private static StationUpdated updated(UUID id, int version, String name, String status, String reason) {
        return new StationUpdated(id, version, "details", name, "UNION", "东城区总工会", "东长安街1号", "东城区",
                TIANANMEN.latitude(), TIANANMEN.longitude(), null, null, null, List.of(), List.of(), status, reason,
                null, LocalDate.parse("2026-11-01"), REGISTERED, REGISTERED.plusSeconds(3600));
    }

    private static StationStatusChanged statusChanged(UUID id, int version, String status, String reason) {
        return new StationStatusChanged(id, version, null, status, reason, null, REGISTERED.plusSeconds(7200));
    }

    private static GeoPoint offset(GeoPoint p, double degreesNorth) {
        return new GeoPoint(p.latitude() + degreesNorth, p.longitude());
    }
}
