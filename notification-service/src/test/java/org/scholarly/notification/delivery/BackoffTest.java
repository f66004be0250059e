package org.scholarly.notification.delivery;

import org.junit.jupiter.api.Test;
import org.scholarly.notification.config.NotificationConfig;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static NotificationConfig.Retry retry(double jitter) {
        return new NotificationConfig.Retry() {
            public Duration initial() { return Duration.ofSeconds(2); }
            public double factor() { return 2.0; }
            public Duration maxDelay() { return Duration.ofSeconds(60); }
            public double jitter() { return jitter; }
            public int maxAttempts() { return 6; }
        };
    }

    @Test
    void growsExponentiallyUpToTheCap() {
        Backoff backoff = new Backoff(retry(0), new SplittableRandom(1));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void spreadsDelaysWithinTheJitter() {
        Backoff backoff = new Backoff(retry(0.2), new SplittableRandom(7));
        var delays = java.util.stream.IntStream.range(0, 200).mapToObj(i -> backoff.after(3).toMillis()).toList();
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(6_400L, 9_600L));
        assertThat(delays.stream().distinct().count()).as("jitter varies the delay").isGreaterThan(50);
    }
}
