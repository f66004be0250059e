package org.scholarly.support.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.support.problem.ProblemException;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client (token subject). In memory and per instance: it protects this instance's database
 * pool from one runaway client, it is not a billing quota.
 * <p>
 * A bucket that has refilled to its burst is indistinguishable from a new one, so such buckets are dropped: the map
 * holds only the clients that wrote within the last {@code burst / writesPerSecond} seconds, however many clients
 * have come and gone.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    RateLimiter(RateLimitConfig config, LongSupplier nanoClock) {
        this.config = config;
        this.nanoClock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    /** Takes one write for {@code client}, or answers 429 with the time until the next one. */
    public void acquireWrite(String client) {
        if (!config.enabled()) {
            return;
        }
        double rate = config.writesPerSecond();
        int burst = config.burst();
        long now = nanoClock.getAsLong();
        sweepIfDue(now, rate, burst);
        double[] wait = new double[1];
        // compute() runs atomically per key, so a sweep can never drop a bucket between its look-up and its use.
        buckets.compute(client, (c, bucket) -> {
            Bucket b = bucket == null ? new Bucket(burst, now) : bucket;
            wait[0] = b.take(rate, burst, now);
            return b;
        });
        if (wait[0] > 0) {
            throw ProblemException.tooManyRequests("Client " + client + " exceeded " + rate + " writes per second (burst "
                    + burst + "); retry later", Duration.ofMillis((long) Math.ceil(wait[0] * 1000)));
        }
    }

    /** Clients with a bucket now; what the sweep keeps bounded. */
    int trackedClients() {
        return buckets.size();
    }

    private void sweepIfDue(long now, double rate, int burst) {
        long refill = (long) (burst / rate * 1e9);
        long last = lastSweep.get();
        if (now - last < refill || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        for (String client : buckets.keySet()) {
            buckets.computeIfPresent(client, (c, b) -> b.fullAt(now, rate, burst) ? null : b);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefill;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.lastRefill = now;
        }

        /** 0 when a write was taken, else seconds until one is available. */
        double take(double rate, int burst, long now) {
            refill(rate, burst, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / rate;
        }

        boolean fullAt(long now, double rate, int burst) {
            return tokens + (now - lastRefill) / 1e9 * rate >= burst;
        }

        private void refill(double rate, int burst, long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - lastRefill) / 1e9 * rate);
            lastRefill = Math.max(lastRefill, now);
        }
    }
}
