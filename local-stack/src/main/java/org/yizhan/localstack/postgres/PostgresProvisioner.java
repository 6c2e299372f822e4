package org.yizhan.localstack.postgres;

import org.yizhan.localstack.Ports;
import org.yizhan.localstack.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Finds or starts the PostgreSQL server of a test run or a local run, in this order:
 * <ol>
 *   <li>the server that configuration names ({@code YIZHAN_PG_HOST} and friends);</li>
 *   <li>a server that accepts the {@code postgres} user on 127.0.0.1:5432;</li>
 *   <li>an embedded PostgreSQL started from the binaries that Maven Central ships.</li>
 * </ol>
 * {@code YIZHAN_PG_MODE=embedded} skips the first two, {@code external} forbids the last.
 */
public final class PostgresProvisioner {

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 5432;

    private PostgresProvisioner() {
    }

    /** Where an embedded server keeps its data, and on which port it listens (0 = free port). */
    public record EmbeddedOptions(Path dataDirectory, boolean keepData, int port) {
    }

    /** Returns a running server, following the order above. */
    public static PostgresServer provision(Settings settings, EmbeddedOptions embedded) {
        String mode = settings.get("YIZHAN_PG_MODE", "auto").toLowerCase(Locale.ROOT);
        if (!mode.equals("embedded")) {
            String host = settings.get("YIZHAN_PG_HOST", null);
            if (host != null) {
                int port = Integer.parseInt(settings.get("YIZHAN_PG_PORT", "5432"));
                PostgresServer configured = new PostgresServer(host, port,
                        settings.get("YIZHAN_PG_USER", "postgres"), settings.get("YIZHAN_PG_PASSWORD", ""),
                        "configured", null);
                requireReachable(configured);
                return configured;
            }
            PostgresServer local = new PostgresServer(LOCAL_HOST, LOCAL_PORT, "postgres", "", "local", null);
            if (Ports.isListening(LOCAL_HOST, LOCAL_PORT, 500) && canLogIn(local)) {
                return local;
            }
            if (mode.equals("external")) {
                throw new IllegalStateException("YIZHAN_PG_MODE=external but no PostgreSQL server is configured"
                        + " (YIZHAN_PG_HOST) or reachable on 127.0.0.1:5432");
            }
        }
        return startEmbedded(embedded);
    }

    private static PostgresServer startEmbedded(EmbeddedOptions options) {
        try {
            Path data = options.dataDirectory().toAbsolutePath();
            Files.createDirectories(data.getParent());
            Path work = data.getParent().resolve("pg-binaries");
            Files.createDirectories(work);
            EmbeddedServer pg = EmbeddedServer.start(data, work,
                    options.port() == 0 ? Ports.free() : options.port(), options.keepData());
            return new PostgresServer(LOCAL_HOST, pg.port(), "postgres", "", "embedded", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    private static boolean canLogIn(PostgresServer server) {
        try (Connection ignored = server.connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireReachable(PostgresServer server) {
        try (Connection ignored = server.connect("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot log in to the configured PostgreSQL at "
                    + server.host() + ":" + server.port() + " as " + server.user(), e);
        }
    }
}
