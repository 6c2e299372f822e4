package org.yizhan.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A pass-through view of a request body on its way to the service. It counts the bytes as they
 * pass, chunked bodies included, and calls {@code onOverflow} (once, instead of passing the chunk
 * on) when they exceed {@code maxBytes}; and it reports when its last byte has been read, which is
 * when the upstream has the whole request and the wait for its answer starts.
 */
final class ForwardedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> delegate;
    private final long maxBytes;
    private final Runnable onOverflow;
    private final Runnable onEnd;
    private long seen;
    private boolean overflowed;

    ForwardedBody(ReadStream<Buffer> delegate, long maxBytes, Runnable onOverflow, Runnable onEnd) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
        this.onEnd = onEnd;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            delegate.handler(null);
        } else {
            delegate.handler(chunk -> {
                if (overflowed) {
                    return;
                }
                seen += chunk.length();
                if (seen > maxBytes) {
                    overflowed = true;
                    onOverflow.run();
                    return;
                }
                handler.handle(chunk);
            });
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        delegate.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        delegate.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        delegate.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            delegate.endHandler(null);
        } else {
            delegate.endHandler(v -> {
                if (overflowed) {
                    return;
                }
                // The pipe ends the upstream request in endHandler; the timer must start after that.
                endHandler.handle(v);
                onEnd.run();
            });
        }
        return this;
    }
}
