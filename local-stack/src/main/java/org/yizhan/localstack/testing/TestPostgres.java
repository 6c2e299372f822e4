package org.yizhan.localstack.testing;

/**
 * A switch that takes the database away from the applications whose datasource goes through the
 * test JVM's PostgreSQL proxy ({@link YizhanTestResource} with init arg
 * {@code postgres-switch=true}) and brings it back; the shared server itself stays up.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** Drops every connection through the proxy and refuses new ones (each is reset at once). */
    public static void cut() {
        invoke("cut");
    }

    /** Lets connections through the proxy again. */
    public static void restore() {
        invoke("restore");
    }

    private static void invoke(String operation) {
        TestInfrastructure.ensurePostgresProxy();
        TestInfrastructure.invoke(TestInfrastructure.PG_SWITCH_MBEAN, operation);
    }
}
