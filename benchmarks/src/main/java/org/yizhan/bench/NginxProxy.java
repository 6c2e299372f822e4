package org.yizhan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * nginx (Debian package) as a plain reverse proxy in front of one upstream: the reference a gateway
 * is measured against. Configured as one would deploy it: one worker per core, keep-alive
 * connections to the upstream, HTTP/1.1 upstream, and an access log line per request written to a
 * file, like the gateway's (client address, method, path, protocol, status, bytes, time, request id).
 */
final class NginxProxy implements AutoCloseable {

    private final ProxyProcess process;
    private final Path dir;

    private NginxProxy(ProxyProcess process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Starts nginx on {@code port}, proxying everything to {@code upstream} ({@code host:port}). */
    static NginxProxy start(Path dir, int port, String upstream) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("logs"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, upstream));
        return new NginxProxy(ProxyProcess.start("nginx", List.of("nginx", "-p", dir.toString(), "-c", conf.toString()),
                dir.resolve("logs/nginx.out"), port), dir);
    }

    static String config(Path dir, int port, String upstream) {
        return """
                daemon off;
                master_process on;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                  log_format gateway '$remote_addr "$request_method $uri $server_protocol" $status '
                                     '$body_bytes_sent ${request_time}s rid=$request_id';
                  access_log %1$s/logs/access.log gateway;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  keepalive_requests 100000;
                  upstream service {
                    server %2$s;
                    keepalive 64;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://service;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                      proxy_set_header X-Request-Id $request_id;
                      proxy_set_header X-Forwarded-For $remote_addr;
                    }
                  }
                }
                """.formatted(dir, upstream, port);
    }

    int port() {
        return process.port();
    }

    Path accessLog() {
        return dir.resolve("logs/access.log");
    }

    /** CPU time used so far by the master and its workers. */
    Duration cpuTime() {
        return process.cpuTime();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
