package org.yizhan.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a client connection whose request head (request line and headers) has not arrived in
 * full within {@code header-timeout} of its first byte, so that a client trickling its headers a
 * byte at a time cannot hold the connection (ADR 0021).
 *
 * <p>Vert.x 4 offers no hook before a request's head is complete, and its idle timeout restarts
 * with every byte. So a small Netty handler is put first in each client connection's pipeline: it
 * starts a timer at the first byte of a request head, and the router, which sees the request once
 * its head is parsed, stops it ({@link #handle(RoutingContext)}). The handler is added to every
 * connection accepted after the gateway has served its first request (its health checks, at the
 * latest), through the listening channel, which the first request makes reachable. HTTP/2
 * connections are left alone: their streams have heads of their own.
 */
final class HeaderTimeouts {

    private static final Logger LOG = Logger.getLogger(HeaderTimeouts.class);

    static final String HANDLER = "yizhan-header-timeout";

    private final long timeoutMs;
    private final AtomicBoolean installed = new AtomicBoolean();

    HeaderTimeouts(long timeoutMs) {
        this.timeoutMs = Math.max(1, timeoutMs);
    }

    /**
     * Route handler, first for every request: the request's head is in, so its connection's timer
     * stops until the response has been sent.
     */
    void handle(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        if (connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
            installOnListener(channel.parent());
            ChannelHandler handler = channel.pipeline().get(HANDLER);
            if (handler instanceof Watch watch) {
                if (ctx.request().version() == HttpVersion.HTTP_2) {
                    channel.pipeline().remove(watch);
                } else {
                    watch.headReceived();
                    ctx.addEndHandler(v -> watch.exchangeDone());
                }
            }
        }
        ctx.next();
    }

    /** Adds the watch to every connection the listening channel accepts from now on. */
    private void installOnListener(Channel listener) {
        if (listener != null && installed.compareAndSet(false, true)) {
            listener.pipeline().addFirst(HANDLER, new Acceptor());
            LOG.debugf("Request heads must arrive within %d ms", timeoutMs);
        }
    }

    /** On the listening channel: each accepted connection gets its watch before anything else. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                ChannelPipeline pipeline = accepted.pipeline();
                pipeline.addFirst(HANDLER, new Watch());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** On one client connection, in its event loop. */
    private final class Watch extends ChannelInboundHandlerAdapter {

        private boolean inExchange;
        private ScheduledFuture<?> timer;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!inExchange && timer == null) {
                // The first byte of a new request head.
                timer = ctx.executor().schedule(() -> expire(ctx), timeoutMs, TimeUnit.MILLISECONDS);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }

        /**
         * Taken off the connection (it became HTTP/2, whose upgrade request started the timer):
         * the timer must not close the connection, with its streams, later.
         */
        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            cancel();
        }

        /** The router has the request: its head is complete. */
        void headReceived() {
            inExchange = true;
            cancel();
        }

        /** The response is out: the next byte starts the next request's head. */
        void exchangeDone() {
            inExchange = false;
        }

        private void expire(ChannelHandlerContext ctx) {
            timer = null;
            if (!inExchange && ctx.channel().isActive()) {
                LOG.debugf("Request head not complete within %d ms: closing the connection", timeoutMs);
                ctx.close();
            }
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
