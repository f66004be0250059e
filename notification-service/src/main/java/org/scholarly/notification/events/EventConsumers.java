package org.scholarly.notification.events;

import org.scholarly.support.messaging.ConsumerShutdown;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.InvalidEventException;
import org.scholarly.notification.config.NotificationConfig;

import java.util.Set;

/**
 * Consumes the catalog and citation topics. A record is acknowledged (and its offset later committed) only after
 * {@link NotificationService#record} committed; a record that breaks the contract, or keeps failing, is
 * dead-lettered instead of blocking the partition.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final NotificationService notifications;
    private final NotificationConfig config;
    private final Counter articleDeadLetters;
    private final Counter citationDeadLetters;

    public EventConsumers(NotificationService notifications, NotificationConfig config, MeterRegistry registry) {
        this.notifications = notifications;
        this.config = config;
        this.articleDeadLetters = deadLetterCounter(registry, Channels.ARTICLE_EVENTS_IN);
        this.citationDeadLetters = deadLetterCounter(registry, Channels.CITATION_EVENTS_IN);
    }

    @Incoming(Channels.ARTICLE_EVENTS_IN)
    @Blocking
    public void onArticleEvent(String json) {
        consume(json, EventTypes.ARTICLE_TYPES, articleDeadLetters);
    }

    @Incoming(Channels.CITATION_EVENTS_IN)
    @Blocking
    public void onCitationEvent(String json) {
        consume(json, EventTypes.CITATION_TYPES, citationDeadLetters);
    }

    private void consume(String json, Set<String> expectedTypes, Counter deadLetters) {
        try {
            CloudEvent event = EventCodec.parse(json);
            if (event.type() != null && !expectedTypes.contains(event.type())) {
                // A type this service does not know yet (added by a newer producer) is nothing to notify about.
                LOG.debugf("Ignoring event %s of type %s", event.id(), event.type());
                return;
            }
            EventContract.requireValid(json);
            recordWithRetries(event);
        } catch (RuntimeException e) {
            deadLetters.increment();
            LOG.warnf("Dead-lettering a record: %s", e.getMessage());
            throw e;
        }
    }

    /** Database hiccups are retried in place; a record that still fails goes to the dead-letter topic. */
    private void recordWithRetries(CloudEvent event) {
        int attempts = config.events().maxProcessingAttempts();
        for (int attempt = 1; ; attempt++) {
            try {
                notifications.record(event);
                return;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    ConsumerShutdown.holdIfStopping();
                    throw e;
                }
                LOG.warnf("Event %s failed (attempt %d of %d), retrying: %s", event.id(), attempt, attempts, e.getMessage());
                sleep(200L << Math.min(attempt, 6));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }

    private static Counter deadLetterCounter(MeterRegistry registry, String channel) {
        return Counter.builder("notification.events.dead.lettered")
                .description("Records sent to a dead-letter topic because they broke the contract or kept failing")
                .tag("channel", channel)
                .register(registry);
    }
}
