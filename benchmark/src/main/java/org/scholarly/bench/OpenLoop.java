package org.scholarly.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: request n is due at {@code start + n / rate} whether or not earlier ones have
 * answered, goes out through the asynchronous HTTP client (no thread waits for an answer, so the offered rate does
 * not depend on the server's speed), and its latency counts from when it was due. A server that stalls therefore
 * sees the requests that queued behind the stall counted with the wait they suffered, not left out (no coordinated
 * omission). How late the generator itself sent is measured apart, so that a run can show it kept its schedule.
 */
public final class OpenLoop {

    /** Where request n goes and whose figures its answer joins. */
    public record Request(String url, Latencies latencies, AtomicInteger errors) {
    }

    /**
     * @param sent        requests sent
     * @param sendLateness how late each request left against its due time, in milliseconds (the generator's own delay)
     * @param seconds     from the first due time to the last send
     */
    public record Result(int sent, Latencies sendLateness, double seconds) {

        public double achievedRate() {
            return seconds > 0 ? sent / seconds : Double.NaN;
        }
    }

    private final Api api;

    public OpenLoop(Api api) {
        this.api = api;
    }

    /** Sends {@code rate × duration} requests at {@code rate} per second and waits (up to two minutes) for the answers. */
    public Result run(double rate, long durationMillis, IntFunction<Request> request) throws InterruptedException {
        int count = (int) Math.round(rate * durationMillis / 1000.0);
        double periodNanos = 1e9 / rate;
        Latencies lateness = new Latencies();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
        List<Request> requests = new ArrayList<>(count);
        long start = System.nanoTime();
        long lastSend = start;
        for (int n = 0; n < count; n++) {
            long due = start + Math.round(n * periodNanos);
            FreshnessRun.sleepUntil(due);
            Request next = request.apply(n);
            requests.add(next);
            lastSend = System.nanoTime();
            lateness.add((lastSend - due) / 1e6);
            inFlight.add(api.getAsync(next.url()).whenComplete((response, failure) -> record(due, response, failure, next)));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            // Failures were counted per request as they came; what follows counts the ones still open.
        }
        for (int n = 0; n < count; n++) {
            // Unanswered after two minutes: an error, never a latency (it would otherwise vanish from the figures).
            if (!inFlight.get(n).isDone()) {
                requests.get(n).errors().incrementAndGet();
            }
        }
        return new Result(count, lateness, (lastSend - start) / 1e9);
    }

    private static void record(long due, HttpResponse<Void> response, Throwable failure, Request request) {
        if (failure != null || response.statusCode() / 100 != 2) {
            request.errors().incrementAndGet();
        } else {
            request.latencies().add((System.nanoTime() - due) / 1e6);
        }
    }
}
