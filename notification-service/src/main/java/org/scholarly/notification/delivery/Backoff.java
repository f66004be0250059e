package org.scholarly.notification.delivery;

import org.scholarly.notification.config.NotificationConfig;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter: initial × factor^(attempt-1), capped, then stretched or shrunk at random. */
public final class Backoff {

    private final NotificationConfig.Retry retry;
    private final RandomGenerator random;

    public Backoff(NotificationConfig.Retry retry, RandomGenerator random) {
        this.retry = retry;
        this.random = random;
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration after(int attempt) {
        double base = retry.initial().toMillis() * Math.pow(retry.factor(), Math.max(0, attempt - 1));
        double capped = Math.min(base, retry.maxDelay().toMillis());
        double jitter = retry.jitter() <= 0 ? 1.0 : 1.0 + retry.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
    }
}
