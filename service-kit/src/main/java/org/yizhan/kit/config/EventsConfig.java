package org.yizhan.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service publishes its outbox, consumes other services' events and forgets old ones. */
@ConfigMapping(prefix = "yizhan.events")
public interface EventsConfig {

    Relay relay();

    Consumer consumer();

    Retention retention();

    interface Relay {
        /** Whether this instance publishes the outbox to Kafka. */
        @WithDefault("true")
        boolean enabled();

        /** How often the outbox is swept when nothing wakes the relay earlier. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most messages sent per round. */
        @WithDefault("200")
        int batchSize();

        /** Longest pause between rounds after Kafka refused messages. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * Refusals for good (record too large, invalid topic, ...) after which a message is parked;
         * unavailability of Kafka never counts.
         */
        @WithDefault("5")
        int parkAfter();
    }

    interface Consumer {
        /** Whether this instance consumes the topics its handlers subscribe to. */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group; defaults to the application name. */
        @WithDefault("${quarkus.application.name}")
        String groupId();

        /**
         * Attempts at an event that fails with an error of no known kind before it is
         * dead-lettered; transient errors are retried without limit, permanent ones not at all.
         */
        @WithDefault("3")
        int maxAttempts();

        /** First pause of a partition after a failed attempt; it doubles with each further failure. */
        @WithDefault("250ms")
        Duration minBackoff();

        /** Longest pause of a partition between two attempts. */
        @WithDefault("15s")
        Duration maxBackoff();

        /** Transaction timeout of one event (inbox row and effect). */
        @WithDefault("30s")
        Duration transactionTimeout();

        /**
         * How long the group waits for a silent instance before handing its partitions to the others
         * ({@code session.timeout.ms}, Kafka's default 45 s): a killed instance's partitions stand
         * still this long. At least the broker's {@code group.min.session.timeout.ms} (6 s).
         */
        @WithDefault("45s")
        Duration sessionTimeout();
    }

    interface Retention {
        /** How long published (and discarded) outbox messages are kept. */
        @WithDefault("7d")
        Duration outbox();

        /**
         * How long the inbox remembers an applied event id. It must outlast the retention of the
         * topics consumed, or a redelivery of an older event would be applied again.
         */
        @WithDefault("30d")
        Duration inbox();

        /** How long a replayed dead letter is kept (dead letters not replayed are kept). */
        @WithDefault("90d")
        Duration deadLetters();

        /** How often the purge runs. */
        @WithDefault("1h")
        Duration purgeEvery();
    }
}
