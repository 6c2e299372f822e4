package org.yizhan.checkup;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service keeps the kit's station replica from station-service's events, with no code of its own. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class StationReplicaTest {

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    @Test
    void aRegisteredStationReachesTheReplica() {
        UUID id = UUID.randomUUID();
        StationRegistered registered = new StationRegistered(id, "黄村镇快递驿站", "UNION", "大兴区总工会",
                "黄村镇兴华大街1号", "大兴区", 39.7266, 116.3400, "ACTIVE", Instant.parse("2026-05-01T01:00:00Z"));
        byte[] event = codec.serialize(codec.create(URI.create("/yizhan/station-service"),
                EventTypes.STATION_REGISTERED, id.toString(), registered));
        TopicProbe.publish(Topics.STATION, id.toString(), new String(event, StandardCharsets.UTF_8));

        ReplicatedStation station = await().atMost(Duration.ofSeconds(30))
                .until(() -> replica.find(id).orElse(null), s -> s != null);
        assertEquals("黄村镇快递驿站", station.name());
        assertEquals(39.7266, station.position().latitude());
        assertEquals(0, station.version());
    }
}
