package org.yizhan.localstack.testing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a topic of the test broker from the moment the probe was opened, the way any standard
 * Kafka client would; the broker lives across tests, so older records are not seen.
 */
public final class TopicProbe implements AutoCloseable {

    /** A record as read from Kafka. */
    public record Message(String topic, String key, String value, Map<String, String> headers) {
    }

    private final KafkaConsumer<String, byte[]> consumer;

    private TopicProbe(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        // Creates the topic if needed (auto-creation), so the probe can start before the first record.
        List<TopicPartition> partitions = partitionsOf(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start position now
    }

    /** Starts reading {@code topic} from its current end. */
    public static TopicProbe open(String topic) {
        return new TopicProbe(topic);
    }

    /** The first new record that matches, or empty after {@code timeout}. */
    public Optional<Message> await(Predicate<Message> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Message message = toMessage(record);
                if (match.test(message)) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }

    /** Every new record that arrives within {@code window}. */
    public List<Message> drain(Duration window) {
        List<Message> all = new ArrayList<>();
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> all.add(toMessage(r)));
        }
        return all;
    }

    /** A record to publish: its partition ({@code null}: chosen by key), key and value. */
    public record Outgoing(Integer partition, String key, String value) {
    }

    /** Publishes a record to the test broker, as another service would. */
    public static void publish(String topic, String key, String value) {
        publishAll(topic, List.of(new Outgoing(null, key, value)));
    }

    /**
     * Publishes records with one producer and one flush, in order, so that they reach the broker
     * together and a consumer reads them in the same poll.
     */
    public static void publishAll(String topic, List<Outgoing> records) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Outgoing outgoing : records) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, outgoing.partition(),
                        outgoing.key(), outgoing.value().getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static Message toMessage(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Message(record.topic(), record.key(),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8), headers);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** The partitions of {@code topic}, waiting up to 30 s for the broker to know (or create) it. */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (partitions.isEmpty()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            if (partitions.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
        }
        return partitions;
    }
}
