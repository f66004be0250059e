package org.scholarly.notification.webhook;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import org.jboss.logging.Logger;
import org.scholarly.notification.delivery.SendOutcome;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP POST to a {@link CheckedTarget}, connected to the address that passed the policy rather than to
 * whatever the host name resolves to by then. The JDK's HttpClient cannot be told which address to use, so this
 * is Vert.x's client: {@link RequestOptions#setServer} picks the socket address while the host name still goes into
 * the Host header, SNI and the certificate check.
 *
 * <p>Each call ends by its deadline, body included, and reads at most {@code maxResponseBytes} of the reply: past
 * that the connection is dropped instead of drained, and only the status code decides the outcome. What went wrong
 * is told in words that name no address, port or exception text (the details go to the debug log), so that attempts
 * cannot be read as a scan of what answers where.
 */
public final class PinnedCall implements AutoCloseable {

    /** Limits of one call. */
    public record Limits(Duration connectTimeout, Duration readTimeout, Duration deadline, long maxResponseBytes) {

        /** The wait for the response headers, never past the deadline. */
        Duration untilHeaders() {
            return readTimeout.compareTo(deadline) < 0 ? readTimeout : deadline;
        }
    }

    private static final Logger LOG = Logger.getLogger(PinnedCall.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final Limits limits;

    /** @param trust the certificates to trust; null for the JVM's default trust store */
    public PinnedCall(Vertx vertx, Limits limits, TrustOptions trust) {
        this.vertx = vertx;
        this.limits = limits;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) limits.connectTimeout().toMillis())
                // A connection is never reused, so that no call can ride on one opened for another address.
                .setKeepAlive(false)
                .setMaxPoolSize(64)
                .setVerifyHost(true)
                .setForceSni(true)
                .setTryUseCompression(false);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.client = vertx.createHttpClient(options);
    }

    public SendOutcome post(CheckedTarget target, MultiMap headers, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setHeaders(headers)
                // A redirect could lead to an address the policy would refuse.
                .setFollowRedirects(false);
        Exchange exchange = new Exchange();
        long timer = vertx.setTimer(limits.untilHeaders().toMillis(), id -> {
            if (!exchange.headersArrived.get()) {
                exchange.finish(SendOutcome.timedOut(limits.untilHeaders()));
            }
        });
        client.request(options)
                .onFailure(cause -> exchange.finish(failure(cause)))
                .onSuccess(request -> {
                    exchange.request.set(request);
                    if (exchange.outcome.isDone()) {
                        request.reset(); // timed out while connecting
                        return;
                    }
                    request.send(Buffer.buffer(body))
                            .onFailure(cause -> exchange.finish(failure(cause)))
                            .onSuccess(response -> read(response, exchange));
                });
        try {
            return exchange.outcome.get(limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.finish(SendOutcome.timedOut(limits.deadline()));
            return exchange.outcome.join();
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (InterruptedException e) {
            exchange.finish(SendOutcome.failed(null, "interrupted"));
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted");
        } finally {
            vertx.cancelTimer(timer);
        }
    }

    /** Counts the body as it arrives and hangs up once it passes the limit. */
    private void read(HttpClientResponse response, Exchange exchange) {
        exchange.headersArrived.set(true);
        int status = response.statusCode();
        SendOutcome outcome = status >= 200 && status < 300
                ? SendOutcome.delivered(status)
                : SendOutcome.failed(status, "receiver answered HTTP " + status);
        long[] received = {0};
        response.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limits.maxResponseBytes()) {
                exchange.finish(outcome);
            }
        });
        response.exceptionHandler(cause -> exchange.finish(failure(cause)));
        response.endHandler(end -> exchange.finish(outcome));
    }

    /** Which of a connection's failures it was, without its details. */
    private SendOutcome failure(Throwable cause) {
        LOG.debugf("Webhook call failed: %s", cause);
        if (cause instanceof ConnectTimeoutException) {
            return SendOutcome.timedOut(limits.connectTimeout());
        }
        return SendOutcome.failed(null, "connection failed");
    }

    @Override
    public void close() {
        client.close();
    }

    /** One call in flight: the first outcome wins, and a call that ends early drops its connection. */
    private static final class Exchange {
        final CompletableFuture<SendOutcome> outcome = new CompletableFuture<>();
        final AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        final AtomicBoolean headersArrived = new AtomicBoolean();

        void finish(SendOutcome result) {
            if (outcome.complete(result)) {
                HttpClientRequest r = request.get();
                if (r != null) {
                    r.reset(); // closes an HTTP/1.1 connection; does nothing to one that has already ended
                }
            }
        }
    }
}
