package org.yizhan.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/** Loopback port helpers. */
public final class Ports {

    // Below Linux's default range for outgoing connections (32768-60999).
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    // The ports handed out lately: a stack asks for a score of them before any is taken.
    private static final Set<Integer> HANDED_OUT = new LinkedHashSet<>();
    private static final int REMEMBERED = 1_000;

    private Ports() {
    }

    /**
     * A port that is free on 127.0.0.1 at the time of the call, below the range the system takes
     * ports for outgoing connections from (32768 and up on Linux): a port handed to a service that
     * starts a few seconds later is then not taken meanwhile by one of the many connections that
     * Kafka and PostgreSQL clients open. Never one handed out lately by this JVM, which may not be
     * taken yet.
     */
    public static int free() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(FIRST, LAST);
            synchronized (HANDED_OUT) {
                if (HANDED_OUT.contains(port)) {
                    continue;
                }
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    remember(port);
                    return socket.getLocalPort();
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remember(int port) {
        HANDED_OUT.add(port);
        if (HANDED_OUT.size() > REMEMBERED) {
            Iterator<Integer> oldest = HANDED_OUT.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether something accepts TCP connections on {@code host:port} within {@code timeoutMillis}. */
    public static boolean isListening(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
