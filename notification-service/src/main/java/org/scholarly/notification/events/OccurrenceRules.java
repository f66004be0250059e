package org.scholarly.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.contract.ReferenceStatusChanged;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** Decides which events are worth a notification, and of which type. */
@ApplicationScoped
public class OccurrenceRules {

    private static final Set<String> FINAL_REFERENCE_STATUSES = Set.of("BUILT", "PARTIAL", "FAILED");

    private final ArticleSnapshots snapshots;

    public OccurrenceRules(ArticleSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public Optional<Occurrence> interpret(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.ARTICLE_CREATED -> submission(EventCodec.dataAs(event, ArticleEventData.class));
            case EventTypes.ARTICLE_STATUS_CHANGED -> decision(EventCodec.dataAs(event, ArticleEventData.class));
            case EventTypes.REFERENCE_STATUS_CHANGED -> referencesBuilt(EventCodec.dataAs(event, ReferenceStatusChanged.class));
            case EventTypes.REFERENCE_BUILD_FINISHED -> buildFinished(EventCodec.dataAs(event, ReferenceBuildFinished.class));
            case EventTypes.CITATION_COUNTS_CHANGED -> milestone(EventCodec.dataAs(event, CitationCountsChanged.class));
            default -> Optional.empty();
        };
    }

    private Optional<Occurrence> submission(ArticleEventData a) {
        if (!"SUBMITTED".equals(a.workflowStatus())) {
            return Optional.empty();
        }
        return Optional.of(about(a, NotificationTypes.SUBMISSION_RECEIVED,
                NotificationTypes.SUBMISSION_RECEIVED + ":" + a.articleId(), details("workflowStatus", a.workflowStatus())));
    }

    private Optional<Occurrence> decision(ArticleEventData a) {
        Map<String, Object> details = details("workflowStatus", a.workflowStatus());
        details.put("previousWorkflowStatus", a.previousWorkflowStatus() == null ? "" : a.previousWorkflowStatus());
        // The version identifies this decision: a later decision on the same article is a new notification.
        return Optional.of(about(a, NotificationTypes.WORKFLOW_DECISION,
                NotificationTypes.WORKFLOW_DECISION + ":" + a.articleId() + ":" + a.version(), details));
    }

    private Optional<Occurrence> referencesBuilt(ReferenceStatusChanged r) {
        if (!FINAL_REFERENCE_STATUSES.contains(r.status())) {
            return Optional.empty();
        }
        Map<String, Object> details = details("referenceStatus", r.status());
        details.put("referenceCount", r.referenceCount());
        details.put("resolvedReferenceCount", r.resolvedReferenceCount());
        if (r.buildId() != null) {
            details.put("buildId", r.buildId().toString());
        }
        return Optional.of(aboutKnownArticle(r.articleId(), NotificationTypes.REFERENCES_BUILT,
                NotificationTypes.REFERENCES_BUILT + ":" + r.articleId() + ":" + r.sequence(), details));
    }

    private Optional<Occurrence> buildFinished(ReferenceBuildFinished b) {
        Map<String, Object> details = details("buildId", b.buildId().toString());
        details.put("state", b.state());
        details.put("articleCount", b.articleCount());
        details.put("builtArticles", b.builtArticles());
        details.put("partialArticles", b.partialArticles());
        details.put("resolvedReferences", b.resolvedReferences());
        details.put("unresolvedReferences", b.unresolvedReferences());
        return Optional.of(new Occurrence(NotificationTypes.REFERENCE_BUILD_FINISHED,
                NotificationTypes.REFERENCE_BUILD_FINISHED + ":" + b.buildId(), null, null, Map.of(), Map.of(), details));
    }

    private Optional<Occurrence> milestone(CitationCountsChanged c) {
        OptionalLong milestone = Milestones.crossed(c.previousCitedByCount(), c.citedByCount());
        if (milestone.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> details = details("milestone", milestone.getAsLong());
        details.put("citedByCount", c.citedByCount());
        // Keyed by the milestone, not the event: counts that fall and rise again do not celebrate twice.
        return Optional.of(aboutKnownArticle(c.articleId(), NotificationTypes.CITATION_MILESTONE,
                NotificationTypes.CITATION_MILESTONE + ":" + c.articleId() + ":" + milestone.getAsLong(), details));
    }

    private static Occurrence about(ArticleEventData a, String type, String dedupeKey, Map<String, Object> details) {
        return new Occurrence(type, dedupeKey, a.journal() == null ? null : a.journal().id(), a.articleId(),
                a.titles() == null ? Map.of() : a.titles(),
                a.journal() == null || a.journal().titles() == null ? Map.of() : a.journal().titles(), details);
    }

    /** Citation events name only the article; the journal and titles come from the catalog events seen so far. */
    private Occurrence aboutKnownArticle(UUID articleId, String type, String dedupeKey, Map<String, Object> details) {
        return snapshots.find(articleId)
                .map(s -> new Occurrence(type, dedupeKey, s.journalId(), articleId, s.titles(), s.journalTitles(), details))
                .orElseGet(() -> new Occurrence(type, dedupeKey, null, articleId, Map.of(), Map.of(), details));
    }

    private static Map<String, Object> details(String key, Object value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(key, value);
        return details;
    }
}
