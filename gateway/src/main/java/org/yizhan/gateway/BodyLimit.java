package org.yizhan.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A pass-through view of a request body that counts its bytes as they are forwarded, chunked
 * bodies included, and calls {@code onOverflow} (once, instead of passing the chunk on) when they
 * exceed {@code maxBytes}.
 */
final class BodyLimit implements ReadStream<Buffer> {

    private final ReadStream<Buffer> delegate;
    private final long maxBytes;
    private final Runnable onOverflow;
    private long seen;
    private boolean overflowed;

    BodyLimit(ReadStream<Buffer> delegate, long maxBytes, Runnable onOverflow) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
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
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
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
        delegate.endHandler(endHandler == null ? null : v -> {
            if (!overflowed) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
