package org.scholarly.support.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.scholarly.support.tracing.EventTracing;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerFailurePolicyTest {

    private static ConsumerRetryConfig retry(Duration initial, Duration max) {
        return new ConsumerRetryConfig() {
            @Override
            public Duration initial() {
                return initial;
            }

            @Override
            public Duration maxDelay() {
                return max;
            }

            @Override
            public int unexpectedAttempts() {
                return 3;
            }
        };
    }

    @Test
    void doublesTheWaitUpToItsCapAndStaysThereHoweverLongTheOutage() {
        ConsumerFailurePolicy policy = new ConsumerFailurePolicy(retry(Duration.ofMillis(200), Duration.ofSeconds(5)),
                new ConsumerMetrics(new SimpleMeterRegistry()), new EventTracing(OpenTelemetry.noop().getTracer("test")));
        assertThat(policy.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delay(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(policy.delay(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(10_000)).isEqualTo(Duration.ofSeconds(5));
    }
}
