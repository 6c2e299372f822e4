package org.yizhan.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service publishes its outbox and consumes other services' events. */
@ConfigMapping(prefix = "yizhan.events")
public interface EventsConfig {

    Relay relay();

    Consumer consumer();

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
    }

    interface Consumer {
        /** Whether this instance consumes the topics its handlers subscribe to. */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group; defaults to the application name. */
        @WithDefault("${quarkus.application.name}")
        String groupId();

        /** Attempts at one event before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();
    }
}
