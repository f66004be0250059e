package org.scholarly.notification.webhook;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads and discards a receiver's reply, but at most {@code maxBytes} of it: past that it cancels the subscription,
 * which makes the HTTP client close the connection instead of draining a body that may never end. Only the status
 * code decides the outcome, so a cut-off body is no failure.
 *
 * <p>{@link #abandon()} cancels from outside, when the call's deadline passes while the body is still arriving.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<Void> {

    private static final Flow.Subscription CANCELLED = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private final long maxBytes;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private long received;

    BoundedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A handler that hands out this subscriber, so that the caller keeps hold of it for {@link #abandon()}. */
    HttpResponse.BodyHandler<Void> handler() {
        return responseInfo -> this;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel(); // abandoned before the body began, or a second subscription, which the contract forbids
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
        }
        if (received > maxBytes) {
            cancel();
            done.complete(null);
        } else {
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.request(1);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    /** Stops reading, whatever has arrived, and drops the connection. */
    void abandon() {
        cancel();
        done.completeExceptionally(new CancellationException("abandoned at the deadline"));
    }

    private void cancel() {
        Flow.Subscription s = subscription.getAndSet(CANCELLED);
        if (s != null) {
            s.cancel();
        }
    }
}
