package org.scholarly.citation.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.contract.ReferenceStatusChanged;
import org.scholarly.contract.Topics;
import org.scholarly.support.outbox.Outbox;

import java.util.List;

/** Everything this service publishes, appended to the outbox inside the caller's transaction. */
@ApplicationScoped
public class CitationEvents {

    public static final String SOURCE = "/citation-service";

    @Inject
    Outbox outbox;

    public void referenceStatusChanged(ReferenceStatusChanged data) {
        append(data.articleId().toString(), EventTypes.REFERENCE_STATUS_CHANGED, data);
    }

    public void citationCountsChanged(CitationCountsChanged data) {
        append(data.articleId().toString(), EventTypes.CITATION_COUNTS_CHANGED, data);
    }

    /** Many at once, in one outbox batch (the count flusher publishes hundreds per tick). */
    public void citationCountsChanged(List<CitationCountsChanged> changes) {
        outbox.appendAll(Topics.CITATION_EVENTS, changes.stream()
                .map(data -> EventCodec.newEvent(SOURCE, EventTypes.CITATION_COUNTS_CHANGED, data.articleId().toString(), data))
                .toList());
    }

    public void referenceBuildFinished(ReferenceBuildFinished data) {
        append(data.buildId().toString(), EventTypes.REFERENCE_BUILD_FINISHED, data);
    }

    private void append(String key, String type, Object data) {
        CloudEvent event = EventCodec.newEvent(SOURCE, type, key, data);
        outbox.append(Topics.CITATION_EVENTS, key, event);
    }
}
