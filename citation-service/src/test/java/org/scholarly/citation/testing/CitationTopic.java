package org.scholarly.citation.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.Topics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads what the service published on {@code citation.events}; every event read is checked against the contract. */
public final class CitationTopic {

    private CitationTopic() {
    }

    public static List<CloudEvent> eventsFor(String key) {
        return CatalogTopic.readAll(Topics.CITATION_EVENTS).stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .peek(EventContract::requireValid)
                .map(EventCodec::parse)
                .toList();
    }

    /** Waits until the events for {@code key} satisfy the condition; returns them. */
    public static List<CloudEvent> awaitEvents(String key, Predicate<List<CloudEvent>> condition) {
        AtomicReference<List<CloudEvent>> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            seen.set(eventsFor(key));
            return condition.test(seen.get());
        });
        return seen.get();
    }
}
