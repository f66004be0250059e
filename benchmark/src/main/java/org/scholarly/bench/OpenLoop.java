package org.scholarly.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: request n is due at {@code start + n / rate} whether or not earlier ones have
 * answered, and its latency counts from when it was due. A server that stalls therefore sees the requests that queued
 * behind the stall counted with the wait they suffered, not left out (no coordinated omission).
 *
 * <p>Requests go out through the asynchronous HTTP client, at most {@link #CONNECTIONS} at a time per service (as a
 * client with a fixed connection pool, or wrk2's connections). Without the cap a slow server makes the client open a
 * connection per waiting request, and on a small machine the generator then spends the CPU the server needs; with
 * it, a request that finds every connection busy waits in a queue, and that wait is in its latency. How late the
 * generator itself was against its schedule is measured apart, so that a run shows whether it kept up.
 */
public final class OpenLoop {

    /** Requests in flight per service (host and port) at most. */
    public static final int CONNECTIONS = 64;

    /** Where request n goes and whose figures its answer joins. */
    public record Request(String url, Latencies latencies, AtomicInteger errors) {
    }

    /**
     * @param sent         requests due (each was sent or counted as an error)
     * @param sendLateness how late the generator handed each request over against its due time, in milliseconds
     * @param seconds      from the first due time to the last hand-over
     */
    public record Result(int sent, Latencies sendLateness, double seconds) {

        public double achievedRate() {
            return seconds > 0 ? sent / seconds : Double.NaN;
        }
    }

    /** A request handed over, waiting for a connection of its service. */
    private record Due(long due, Request request, CompletableFuture<Void> done) {
    }

    /** One service's connections: the requests waiting for one, and the permits of the ones free. */
    private final class Lane {
        private final Queue<Due> waiting = new ConcurrentLinkedQueue<>();
        private final Semaphore free = new Semaphore(CONNECTIONS);

        void submit(Due due) {
            waiting.add(due);
            drain();
        }

        /** Sends what waits while connections are free; called on hand-over and whenever an answer frees one. */
        private void drain() {
            while (!waiting.isEmpty() && free.tryAcquire()) {
                Due next = waiting.poll();
                if (next == null) {
                    free.release();
                    continue;
                }
                try {
                    api.getAsync(next.request().url()).whenComplete((response, failure) -> {
                        record(next, response, failure);
                        free.release();
                        drain();
                    });
                } catch (RuntimeException e) {
                    record(next, null, e);
                    free.release();
                }
            }
        }
    }

    private final Api api;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public OpenLoop(Api api) {
        this.api = api;
    }

    /** Hands over {@code rate × duration} requests at {@code rate} per second and waits (up to two minutes) for the answers. */
    public Result run(double rate, long durationMillis, IntFunction<Request> request) throws InterruptedException {
        int count = (int) Math.round(rate * durationMillis / 1000.0);
        double periodNanos = 1e9 / rate;
        Latencies lateness = new Latencies();
        List<Due> handedOver = new ArrayList<>(count);
        long start = System.nanoTime();
        long lastHandOver = start;
        for (int n = 0; n < count; n++) {
            long due = start + Math.round(n * periodNanos);
            FreshnessRun.sleepUntil(due);
            Request next = request.apply(n);
            Due entry = new Due(due, next, new CompletableFuture<>());
            handedOver.add(entry);
            lastHandOver = System.nanoTime();
            lateness.add((lastHandOver - due) / 1e6);
            lanes.computeIfAbsent(URI.create(next.url()).getAuthority(), authority -> new Lane()).submit(entry);
        }
        try {
            CompletableFuture.allOf(handedOver.stream().map(Due::done).toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            // Failures were counted per request as they came; what follows counts the ones still open.
        }
        for (Due entry : handedOver) {
            // Unanswered after two minutes: an error, never a latency (it would otherwise vanish from the figures).
            if (!entry.done().isDone()) {
                entry.request().errors().incrementAndGet();
            }
        }
        return new Result(count, lateness, (lastHandOver - start) / 1e9);
    }

    private static void record(Due entry, HttpResponse<Void> response, Throwable failure) {
        if (failure != null || response.statusCode() / 100 != 2) {
            entry.request().errors().incrementAndGet();
        } else {
            entry.request().latencies().add((System.nanoTime() - entry.due()) / 1e6);
        }
        entry.done().complete(null);
    }
}
