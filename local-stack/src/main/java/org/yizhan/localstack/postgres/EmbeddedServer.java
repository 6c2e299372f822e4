package org.yizhan.localstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.yizhan.localstack.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded PostgreSQL of a local stack, which can be stopped and started again on the same
 * port and data directory, as an operator restarts a database server (a clean, fast shutdown:
 * open sessions are ended, committed data stays).
 *
 * <p>The data directory is never removed on a stop; {@link #close()} removes it unless the data
 * is to be kept.
 */
final class EmbeddedServer implements AutoCloseable {

    private final Path dataDirectory;
    private final Path binaries;
    private final int port;
    private final boolean keepData;
    private EmbeddedPostgres running;

    private EmbeddedServer(Path dataDirectory, Path binaries, int port, boolean keepData) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.port = port;
        this.keepData = keepData;
    }

    /**
     * Starts a server on {@code port} with its data in {@code dataDirectory} (created, or emptied
     * first unless {@code keepData}) and the unpacked binaries in {@code binaries}.
     */
    static EmbeddedServer start(Path dataDirectory, Path binaries, int port, boolean keepData) {
        if (!keepData) {
            TempDirs.delete(dataDirectory);
        }
        EmbeddedServer server = new EmbeddedServer(dataDirectory, binaries, port, keepData);
        server.start();
        return server;
    }

    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return running != null;
    }

    /** Starts the server again after {@link #stop()}; does nothing while it runs. */
    synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            // Data is kept across stops: an existing cluster is started as it is, a new one initialised.
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server (fast shutdown: sessions are ended, committed data stays); does nothing when stopped. */
    synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL on port " + port, e);
        } finally {
            running = null;
        }
    }

    @Override
    public void close() {
        stop();
        if (!keepData) {
            TempDirs.delete(dataDirectory);
        }
    }
}
