package org.yizhan.localstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the stack uses: where it is, how to log in, and how to give each service
 * its own database.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String origin;
    private final AutoCloseable owned;

    PostgresServer(String host, int port, String user, String password, String origin, AutoCloseable owned) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.origin = origin;
        this.owned = owned;
    }

    /** A server that somebody else started and stops. */
    public static PostgresServer at(String host, int port, String user, String password) {
        return new PostgresServer(host, port, user, password, "configured", null);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** How the server was found: {@code configured}, {@code local} or {@code embedded}. */
    public String origin() {
        return origin;
    }

    /** JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists already. */
    public void createDatabaseIfMissing(String database) {
        requireValidName(database);
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + database);
            } catch (SQLException e) {
                // 42P04: created meanwhile by a concurrent caller, which is what we wanted.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on " + host + ":" + port, e);
        }
    }

    /** Drops {@code database}, ending its open sessions first. */
    public void dropDatabase(String database) {
        requireValidName(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + database, e);
        }
    }

    /** Opens a connection to {@code database}. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /**
     * Whether this server can be stopped and started from here: only the embedded one the stack
     * started itself, never a configured or shared local server.
     */
    public boolean restartable() {
        return owned instanceof EmbeddedServer;
    }

    /** Stops the embedded server, keeping its data and port (a fast shutdown: open sessions end). */
    public void stop() {
        embedded().stop();
    }

    /** Starts the embedded server again after {@link #stop()}, on the same port with the same data. */
    public void start() {
        embedded().start();
    }

    /** Whether the server accepts connections now (false only after {@link #stop()}). */
    public boolean isRunning() {
        return !(owned instanceof EmbeddedServer server) || server.isRunning();
    }

    private EmbeddedServer embedded() {
        if (owned instanceof EmbeddedServer server) {
            return server;
        }
        throw new UnsupportedOperationException("PostgreSQL at " + host + ":" + port + " (" + origin
                + ") was not started by this stack and is not stopped or started by it");
    }

    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }

    private static void requireValidName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
    }
}
