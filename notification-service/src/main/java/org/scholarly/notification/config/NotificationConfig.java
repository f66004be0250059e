package org.scholarly.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Everything tunable about turning events into notifications and delivering them. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Webhook webhook();

    Delivery delivery();

    interface Webhook {
        /** Lets webhooks reach loopback, private and link-local addresses, and plain http. Tests and local stacks only. */
        @WithDefault("false")
        boolean allowPrivateTargets();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration readTimeout();
    }

    interface Delivery {
        /** Off on an instance that should only consume events and serve the API. */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for due deliveries (read by the scheduler as well). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("2s")
        Duration initialDelay();

        @WithDefault("50")
        int batchSize();

        /** How long a claimed delivery is reserved for one worker; longer than any single send can take. */
        @WithDefault("2m")
        Duration lease();

        Retry retry();
    }

    interface Retry {
        @WithDefault("2s")
        Duration initial();

        @WithDefault("2.0")
        double factor();

        @WithDefault("1h")
        Duration maxDelay();

        /** Each delay is stretched or shrunk by up to this fraction, so that retries of many deliveries spread out. */
        @WithDefault("0.2")
        double jitter();

        @WithDefault("6")
        int maxAttempts();
    }
}
