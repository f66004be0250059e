package org.scholarly.notification.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Everything tunable about turning events into notifications and delivering them. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Webhook webhook();

    Email email();

    Delivery delivery();

    interface Webhook {
        /** Lets webhooks reach loopback, private and link-local addresses, and plain http. Tests and local stacks only. */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /**
         * The AES-256 key (32 bytes, base64) that webhook signing secrets are encrypted with in the database. No
         * default: a service that stores secrets does not start without it. Changing it makes stored secrets
         * unreadable, so their deliveries fail until the subscriptions are created again.
         */
        String secretKey();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Until the response headers arrive; the {@link #deadline()} still bounds the call as a whole. */
        @WithDefault("10s")
        Duration readTimeout();

        /**
         * The whole call, connection to last byte read, ends by then: a receiver that sends its headers and then
         * stalls would otherwise hold a worker for ever. Exceeding it is a failed attempt, retried as usual.
         */
        @WithDefault("15s")
        Duration deadline();

        /** Of a receiver's reply at most this much is read; then the connection is dropped, not drained. */
        @WithDefault("64K")
        MemorySize maxResponseBytes();
    }

    interface Email {
        /**
         * One email, connection to the server's last reply, ends by then; exceeding it is a failed attempt,
         * retried as usual. The mailer itself has no socket read or write timeout to set.
         */
        @WithDefault("30s")
        Duration deadline();
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

        /**
         * Deliveries in flight at once on this instance, each on a worker of its own, so that one slow receiver
         * holds up only its own worker.
         */
        @WithDefault("4")
        int workers();

        /** Most deliveries claimed by one query; a poll claims no more than there are idle workers. */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a claimed delivery is reserved for one worker; longer than any single send can take (the
         * service refuses to start unless it exceeds the webhook and email deadlines).
         */
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
