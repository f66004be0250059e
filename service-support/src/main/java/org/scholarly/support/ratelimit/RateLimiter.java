package org.scholarly.support.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.support.problem.ProblemException;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets per client: writes per token subject, anonymous reads per client address. In memory and per
 * instance: they protect this instance's database pool from one runaway client, they are not a billing quota.
 * <p>
 * A bucket that has refilled to its burst is indistinguishable from a new one, so such buckets are dropped: each map
 * holds only the clients that called within the last {@code burst / rate} seconds, however many clients have come
 * and gone.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final Buckets writes;
    private final Buckets anonymousReads;

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    RateLimiter(RateLimitConfig config, LongSupplier nanoClock) {
        this.config = config;
        this.writes = new Buckets(nanoClock);
        this.anonymousReads = new Buckets(nanoClock);
    }

    /** Takes one write for {@code client}, or answers 429 with the time until the next one. */
    public void acquireWrite(String client) {
        if (!config.enabled()) {
            return;
        }
        double rate = config.writesPerSecond();
        int burst = config.burst();
        double wait = writes.take(client, rate, burst);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("Client " + client + " exceeded " + rate + " writes per second (burst "
                    + burst + "); retry later", retryAfter(wait));
        }
    }

    /** Takes one anonymous read for the client at {@code address}, or answers 429 with the time until the next one. */
    public void acquireAnonymousRead(String address) {
        if (!config.enabled()) {
            return;
        }
        double rate = config.anonymousReadsPerSecond();
        int burst = config.anonymousReadBurst();
        double wait = anonymousReads.take(address, rate, burst);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("Anonymous reads from " + address + " exceeded " + rate
                    + " per second (burst " + burst + "); retry later, or send a token", retryAfter(wait));
        }
    }

    /** Clients with a write bucket now; what the sweep keeps bounded. */
    int trackedClients() {
        return writes.size();
    }

    /** Client addresses with an anonymous-read bucket now. */
    int trackedAddresses() {
        return anonymousReads.size();
    }

    private static Duration retryAfter(double seconds) {
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    /** One kind of budget: a bucket per client, swept of full buckets once per refill period. */
    private static final class Buckets {
        private final LongSupplier nanoClock;
        private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final AtomicLong lastSweep;

        Buckets(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            this.lastSweep = new AtomicLong(nanoClock.getAsLong());
        }

        /** 0 when a call was taken, else seconds until one is available. */
        double take(String client, double rate, int burst) {
            long now = nanoClock.getAsLong();
            sweepIfDue(now, rate, burst);
            double[] wait = new double[1];
            // compute() runs atomically per key, so a sweep can never drop a bucket between its look-up and its use.
            buckets.compute(client, (c, bucket) -> {
                Bucket b = bucket == null ? new Bucket(burst, now) : bucket;
                wait[0] = b.take(rate, burst, now);
                return b;
            });
            return wait[0];
        }

        int size() {
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
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefill;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.lastRefill = now;
        }

        /** 0 when a call was taken, else seconds until one is available. */
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
