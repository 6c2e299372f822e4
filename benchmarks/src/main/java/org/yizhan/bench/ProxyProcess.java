package org.yizhan.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A reference proxy run as its own process: started, awaited on its port, measured, stopped. */
final class ProxyProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ProxyProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Runs {@code command} with its output in {@code out}, and waits until it listens on {@code port}. */
    static ProxyProcess start(String name, List<String> command, Path out, int port)
            throws IOException, InterruptedException {
        Files.createDirectories(out.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(out));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new ProxyProcess(name, process, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not listen on " + port);
    }

    int port() {
        return port;
    }

    /** CPU time used so far by the process and its children (nginx's workers). */
    Duration cpuTime() {
        Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
        return total.plus(process.descendants().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " on " + port;
    }
}
