package org.scholarly.citation.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.contract.ReferenceStatusChanged;
import org.scholarly.contract.Topics;
import org.scholarly.support.outbox.Outbox;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Everything this service publishes, appended to the outbox inside the caller's transaction. */
@ApplicationScoped
public class CitationEvents {

    public static final String SOURCE = "/citation-service";
    private static final Logger LOG = Logger.getLogger(CitationEvents.class);

    @Inject
    Outbox outbox;

    public void referenceStatusChanged(ReferenceStatusChanged data) {
        LOG.infof("Reference status of article %s changed to %s (%d of %d references resolved)", data.articleId(), data.status(),
                data.resolvedReferenceCount(), data.referenceCount());
        append(data.articleId().toString(), EventTypes.REFERENCE_STATUS_CHANGED, data);
    }

    public void citationCountsChanged(CitationCountsChanged data) {
        append(data.articleId().toString(), EventTypes.CITATION_COUNTS_CHANGED, data);
    }

    /**
     * Many at once, in one outbox batch (the count flusher publishes hundreds per tick), each in the trace that
     * {@code traceparentOf} names for its article: the flusher logs them, per trace.
     */
    public void citationCountsChanged(List<CitationCountsChanged> changes, Function<UUID, String> traceparentOf) {
        outbox.appendAll(Topics.CITATION_EVENTS, changes.stream()
                .map(data -> EventCodec.newEvent(SOURCE, EventTypes.CITATION_COUNTS_CHANGED, data.articleId().toString(), data))
                .toList(), event -> traceparentOf.apply(UUID.fromString(event.subject())));
    }

    public void referenceBuildFinished(ReferenceBuildFinished data) {
        LOG.infof("Reference build %s finished: %s, %d articles", data.buildId(), data.state(), data.articleCount());
        append(data.buildId().toString(), EventTypes.REFERENCE_BUILD_FINISHED, data);
    }

    private void append(String key, String type, Object data) {
        CloudEvent event = EventCodec.newEvent(SOURCE, type, key, data);
        outbox.append(Topics.CITATION_EVENTS, key, event);
    }
}
