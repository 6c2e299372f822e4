package org.yizhan.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A pass-through view of a request body that reports when its last byte has been read, which is
 * when the upstream has the whole request and the wait for its answer starts.
 */
final class EndNotifyingStream implements ReadStream<Buffer> {

    private final ReadStream<Buffer> delegate;
    private final Runnable onEnd;

    EndNotifyingStream(ReadStream<Buffer> delegate, Runnable onEnd) {
        this.delegate = delegate;
        this.onEnd = onEnd;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        delegate.handler(handler);
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
                // The pipe ends the upstream request in endHandler; the timer must start after that.
                endHandler.handle(v);
                onEnd.run();
            });
        }
        return this;
    }
}
