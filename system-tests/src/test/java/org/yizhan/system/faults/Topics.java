package org.yizhan.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.system.stack.Http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The topics read with a plain Kafka consumer, as any client would read them. */
public final class Topics {

    static final String STATION = "yizhan.station.v1";
    static final String ACTIVITY = "yizhan.activity.v1";

    private final String bootstrap;

    public Topics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** A record as it is on the topic, with the CloudEvent's id and type. */
    record Event(int partition, long offset, String key, String id, String type, String value) {
    }

    /** The end offset of each partition of the topic now: where a later read starts. */
    Map<TopicPartition, Long> ends(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /** Every record of the topic, from its start, up to its end at the time of the call. */
    List<Event> all(String topic) {
        return after(topic, Map.of());
    }

    /** Every record of the topic after {@code from} (a partition not named: from its start), up to its end now. */
    List<Event> after(String topic, Map<TopicPartition, Long> from) {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, from.getOrDefault(partition, 0L));
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (!reached(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        events.add(event(record));
                    }
                }
            }
        }
        events.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return events;
    }

    /** The offsets the consumer group has committed on the topic's partitions (absent: none). */
    Map<TopicPartition, Long> committed(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(topic) && offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e);
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return TopicProbe.partitionsOf(consumer, topic);
    }

    private static Event event(ConsumerRecord<String, String> record) {
        String id = null;
        String type = null;
        try {
            JsonNode event = Http.JSON.readTree(record.value());
            id = event.path("id").asText(null);
            type = event.path("type").asText(null);
        } catch (IOException | RuntimeException unreadable) {
            // counted as a record without an id
        }
        return new Event(record.partition(), record.offset(), record.key(), id, type, record.value());
    }
}
