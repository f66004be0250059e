package org.scholarly.catalog.citation;

import org.scholarly.support.messaging.ConsumerShutdown;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.InvalidEventException;

/**
 * Keeps each article's reference status, notice and citation summary current from citation.events. The offset is
 * committed only after this method returns, i.e. after the effect committed. An event that breaks the contract
 * fails the message, which the channel sends to citation.events.dlq; a database hiccup is retried here first.
 */
@ApplicationScoped
public class CitationEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CitationEventsConsumer.class);
    private static final int ATTEMPTS = 5;

    @Inject
    CitationEffects effects;

    @Incoming(Channels.CITATION_EVENTS)
    @Blocking
    public void consume(String payload) throws InterruptedException {
        EventContract.requireValid(payload);
        CloudEvent event = EventCodec.parse(payload);
        if (!EventTypes.REFERENCE_STATUS_CHANGED.equals(event.type()) && !EventTypes.CITATION_COUNTS_CHANGED.equals(event.type())) {
            return; // reference-build.finished and the like concern other consumers
        }
        for (int attempt = 1; ; attempt++) {
            try {
                CitationEffects.Result result = effects.apply(event, event.type());
                LOG.debugf("Event %s (%s): %s", event.id(), event.type(), result);
                return;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    ConsumerShutdown.holdIfStopping();
                    throw e;
                }
                LOG.warnf("Applying event %s failed (%s); attempt %d of %d", event.id(), e.getMessage(), attempt, ATTEMPTS);
                Thread.sleep(200L * attempt);
            }
        }
    }
}
