package org.yizhan.localstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the test PostgreSQL server. {@link #cut()} drops every connection that
 * goes through it and resets new ones until {@link #restore()}: the applications behind it lose
 * their database as if its server had stopped, while the shared server and the other tests'
 * databases stay up.
 */
final class PostgresProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private PostgresProxy(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on a free loopback port and forwards to {@code host:port}. */
    static PostgresProxy start(String host, int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            PostgresProxy proxy = new PostgresProxy(server, host, port);
            daemon("postgres-proxy-accept", proxy::acceptLoop).start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the PostgreSQL proxy", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Drops the open connections and resets new ones. */
    void cut() {
        cut = true;
        open.forEach(PostgresProxy::reset);
        open.clear();
    }

    /** Lets connections through again. */
    void restore() {
        cut = false;
    }

    boolean isCut() {
        return cut;
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    reset(client);
                } else {
                    connect(client);
                }
            } catch (IOException e) {
                // The server socket was closed, or one connection failed to open: go on or end.
            }
        }
    }

    private void connect(Socket client) throws IOException {
        Socket upstream;
        try {
            upstream = new Socket(targetHost, targetPort);
        } catch (IOException e) {
            reset(client);
            throw e;
        }
        open.add(client);
        open.add(upstream);
        daemon("postgres-proxy-up", () -> pump(client, upstream)).start();
        daemon("postgres-proxy-down", () -> pump(upstream, client)).start();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away (or the proxy cut it): close both below.
        } finally {
            open.remove(from);
            open.remove(to);
            reset(from);
            reset(to);
        }
    }

    /** Closes with a TCP reset, as a server that went away would. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
