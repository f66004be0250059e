package org.scholarly.catalog.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.catalog.common.CatalogConfig;
import org.scholarly.support.problem.ProblemException;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (token subject) for writes and ingestion. In memory and per instance: it protects
 * this instance's database pool from one runaway client, it is not a billing quota.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    CatalogConfig config;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one token for {@code client}, or answers 429 with the time until the next token. */
    public void acquireWrite(String client) {
        double rate = config.rateLimit().writesPerSecond();
        int burst = config.rateLimit().burst();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst));
        double waitSeconds = bucket.take(rate, burst, System.nanoTime());
        if (waitSeconds > 0) {
            throw ProblemException.tooManyRequests("Client " + client + " exceeded " + rate + " writes per second (burst "
                    + burst + "); retry later", Duration.ofMillis((long) Math.ceil(waitSeconds * 1000)));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefill = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        /** 0 when a token was taken, else seconds until one is available. */
        synchronized double take(double rate, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - lastRefill) / 1e9 * rate);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / rate;
        }
    }
}
