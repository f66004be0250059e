package org.scholarly.support.ratelimit;

import org.junit.jupiter.api.Test;
import org.scholarly.support.problem.ProblemException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(boolean enabled, double perSecond, int burst) {
        return new RateLimiter(new Config(enabled, perSecond, burst, 1000, 1000), clock::get);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void refusesAClientPastItsBurstWithTheTimeUntilItsNextWrite() {
        RateLimiter limiter = limiter(true, 0.5, 2);
        limiter.acquireWrite("a");
        limiter.acquireWrite("a");

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> limiter.acquireWrite("a"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThatNoException().as("another client has its own bucket").isThrownBy(() -> limiter.acquireWrite("b"));
    }

    @Test
    void refillsAtTheConfiguredRate() {
        RateLimiter limiter = limiter(true, 2, 1);
        limiter.acquireWrite("a");
        assertThat(catchThrowableOfType(ProblemException.class, () -> limiter.acquireWrite("a")).retryAfter())
                .isEqualTo(Duration.ofMillis(500));

        advance(Duration.ofMillis(500));

        assertThatNoException().isThrownBy(() -> limiter.acquireWrite("a"));
    }

    @Test
    void forgetsClientsWhoseBucketsHaveRefilledSoTheMapStaysBounded() {
        RateLimiter limiter = limiter(true, 10, 5);
        for (int i = 0; i < 1000; i++) {
            limiter.acquireWrite("client-" + i);
        }
        assertThat(limiter.trackedClients()).isEqualTo(1000);

        advance(Duration.ofSeconds(1));
        limiter.acquireWrite("late");

        assertThat(limiter.trackedClients()).as("only the client that wrote within a refill period").isEqualTo(1);
    }

    @Test
    void keepsAClientThatIsStillLimitedThroughASweep() {
        RateLimiter limiter = limiter(true, 1, 2);
        limiter.acquireWrite("busy");
        limiter.acquireWrite("busy");
        advance(Duration.ofMillis(2100));
        limiter.acquireWrite("busy");
        limiter.acquireWrite("busy");

        assertThat(catchThrowableOfType(ProblemException.class, () -> limiter.acquireWrite("busy")).status()).isEqualTo(429);
    }

    @Test
    void limitsNothingWhenDisabled() {
        RateLimiter limiter = limiter(false, 0.001, 1);
        for (int i = 0; i < 10; i++) {
            limiter.acquireWrite("a");
        }
        assertThat(limiter.trackedClients()).isZero();
    }

    @Test
    void limitsAnonymousReadsPerAddressOnTheirOwnBudget() {
        RateLimiter limiter = new RateLimiter(new Config(true, 1000, 1000, 1, 2), clock::get);
        limiter.acquireAnonymousRead("192.0.2.1");
        limiter.acquireAnonymousRead("192.0.2.1");

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> limiter.acquireAnonymousRead("192.0.2.1"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.getMessage()).contains("1.0 per second (burst 2)");
        assertThatNoException().as("another address has its own bucket").isThrownBy(() -> limiter.acquireAnonymousRead("192.0.2.2"));
        assertThatNoException().as("writes are counted apart").isThrownBy(() -> limiter.acquireWrite("192.0.2.1"));
        advance(Duration.ofSeconds(1));
        assertThatNoException().isThrownBy(() -> limiter.acquireAnonymousRead("192.0.2.1"));
    }

    @Test
    void forgetsAddressesWhoseReadBucketsHaveRefilled() {
        RateLimiter limiter = new RateLimiter(new Config(true, 1000, 1000, 10, 5), clock::get);
        for (int i = 0; i < 100; i++) {
            limiter.acquireAnonymousRead("10.0.0." + i);
        }
        advance(Duration.ofSeconds(1));
        limiter.acquireAnonymousRead("late");

        assertThat(limiter.trackedAddresses()).isEqualTo(1);
    }

    private record Config(boolean enabled, double writesPerSecond, int burst, double anonymousReadsPerSecond,
                          int anonymousReadBurst) implements RateLimitConfig {
    }
}
