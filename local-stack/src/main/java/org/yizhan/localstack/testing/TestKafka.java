package org.yizhan.localstack.testing;

/** The test JVM's Kafka broker: where it is, and a switch to take it away and bring it back. */
public final class TestKafka {

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return TestInfrastructure.get(TestInfrastructure.KAFKA_BOOTSTRAP);
    }

    /** Stops the broker, keeping its data. */
    public static void stop() {
        invoke("stop");
    }

    /** Starts the broker again on the same port. */
    public static void start() {
        invoke("start");
    }

    private static void invoke(String operation) {
        TestInfrastructure.ensureStarted();
        TestInfrastructure.invoke(TestInfrastructure.KAFKA_MBEAN, operation);
    }
}
