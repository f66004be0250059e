package org.scholarly.citation.retention;

import jakarta.enterprise.context.ApplicationScoped;
import org.scholarly.support.retention.RetentionPlan;
import org.scholarly.support.retention.RetentionRule;

import java.util.List;

/**
 * What the citation-service prunes (service-support's {@code Retention} runs it; the period is
 * {@code scholarly.retention.keep.processed-events}, 30 days).
 * <p>
 * Ids of consumed catalog events. Pruning one cannot make a replayed old event count twice: every catalog event
 * carries its article's full snapshot and version, and {@code ArticleEventProcessor} applies a snapshot only if its
 * version is newer than the stored one. The article row that holds that version is never deleted (a deleted
 * article stays as a tombstone), so a replay of an event whose id is gone finds a version at least as new and is
 * absorbed as stale. The audit's {@code processedEvents} counts the ids still kept.
 */
@ApplicationScoped
public class CitationRetention implements RetentionPlan {

    @Override
    public List<RetentionRule> rules() {
        return List.of(new RetentionRule("processed-events", "processed-events", "processed_event", "processed_at < ?"));
    }
}
