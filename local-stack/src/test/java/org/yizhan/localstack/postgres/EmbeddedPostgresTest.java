package org.yizhan.localstack.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.localstack.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The path a fresh machine takes: no server configured or local, so an embedded one starts. */
class EmbeddedPostgresTest {

    @Test
    void startsEmbeddedServerCreatesDatabasesAndKeepsDataAcrossRestart(@TempDir Path dir) throws Exception {
        Settings embeddedOnly = Settings.of(Map.of("YIZHAN_PG_MODE", "embedded"));
        PostgresProvisioner.EmbeddedOptions options =
                new PostgresProvisioner.EmbeddedOptions(dir.resolve("data"), true, 0);

        try (PostgresServer pg = PostgresProvisioner.provision(embeddedOnly, options)) {
            assertEquals("embedded", pg.origin());
            pg.createDatabaseIfMissing("yizhan_probe");
            pg.createDatabaseIfMissing("yizhan_probe"); // a second call is harmless
            try (Connection c = pg.connect("yizhan_probe"); Statement s = c.createStatement()) {
                s.execute("create table marker (v text)");
                s.execute("insert into marker values ('kept')");
            }
        }
        assertTrue(Files.isDirectory(dir.resolve("data")));

        try (PostgresServer again = PostgresProvisioner.provision(embeddedOnly, options);
             Connection c = again.connect("yizhan_probe");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from marker")) {
            assertTrue(rs.next());
            assertEquals("kept", rs.getString(1));
        }
    }

    /** The fault harness's PostgreSQL restart: same port, same data, sessions cut while it is down. */
    @Test
    void stopsAndStartsAgainOnTheSamePortWithTheSameData(@TempDir Path dir) throws Exception {
        Settings embeddedOnly = Settings.of(Map.of("YIZHAN_PG_MODE", "embedded"));
        Path data = dir.resolve("data");
        try (PostgresServer pg = PostgresProvisioner.provision(embeddedOnly,
                new PostgresProvisioner.EmbeddedOptions(data, false, 0))) {
            assertTrue(pg.restartable());
            int port = pg.port();
            pg.createDatabaseIfMissing("yizhan_restart");
            Connection open = pg.connect("yizhan_restart");
            try (Statement s = open.createStatement()) {
                s.execute("create table marker (v text)");
                s.execute("insert into marker values ('committed')");
            }

            pg.stop();
            assertFalse(pg.isRunning());
            assertThrows(SQLException.class, () -> pg.connect("yizhan_restart"), "nobody listens while it is down");
            try (Statement s = open.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeQuery("select 1"), "open sessions are ended");
            }
            open.close();

            pg.start();
            assertTrue(pg.isRunning());
            assertEquals(port, pg.port());
            try (Connection c = pg.connect("yizhan_restart"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from marker")) {
                assertTrue(rs.next());
                assertEquals("committed", rs.getString(1));
            }
        }
        assertFalse(Files.exists(data.resolve("postgresql.conf")), "the data of a throw-away server is removed at close");
    }

    @Test
    void aServerTheStackDidNotStartIsNeverStopped() {
        PostgresServer shared = PostgresServer.at("127.0.0.1", 5432, "postgres", "");
        assertFalse(shared.restartable());
        assertThrows(UnsupportedOperationException.class, shared::stop);
        assertThrows(UnsupportedOperationException.class, shared::start);
        assertTrue(shared.isRunning(), "not known to be stopped");
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers(@TempDir Path dir) throws Exception {
        PostgresServer pg = new PostgresServer("127.0.0.1", 1, "postgres", "", "configured", null);
        assertThrows(IllegalArgumentException.class, () -> pg.createDatabaseIfMissing("x; drop database postgres"));
    }

    @Test
    void externalModeWithoutAnyServerFailsClearly(@TempDir Path dir) {
        Settings unreachable = Settings.of(Map.of("YIZHAN_PG_MODE", "external",
                "YIZHAN_PG_HOST", "127.0.0.1", "YIZHAN_PG_PORT", "1"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresProvisioner.provision(
                unreachable, new PostgresProvisioner.EmbeddedOptions(dir, false, 0)));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
    }
}
