package org.scholarly.contract;

import java.util.Map;
import java.util.Set;

/** CloudEvent {@code type} values and the JSON schema that each type's {@code data} must satisfy. */
public final class EventTypes {

    public static final String ARTICLE_CREATED = "article.created";
    public static final String ARTICLE_UPDATED = "article.updated";
    public static final String ARTICLE_STATUS_CHANGED = "article.status-changed";
    public static final String ARTICLE_REFERENCES_REPLACED = "article.references-replaced";
    public static final String ARTICLE_DELETED = "article.deleted";

    public static final String REFERENCE_STATUS_CHANGED = "reference-status.changed";
    public static final String CITATION_COUNTS_CHANGED = "citation-counts.changed";
    public static final String REFERENCE_BUILD_FINISHED = "reference-build.finished";

    /** Every catalog event carries a full article snapshot, so a consumer never needs the previous event. */
    public static final Set<String> ARTICLE_TYPES = Set.of(
            ARTICLE_CREATED, ARTICLE_UPDATED, ARTICLE_STATUS_CHANGED, ARTICLE_REFERENCES_REPLACED, ARTICLE_DELETED);

    public static final Set<String> CITATION_TYPES = Set.of(
            REFERENCE_STATUS_CHANGED, CITATION_COUNTS_CHANGED, REFERENCE_BUILD_FINISHED);

    static final Map<String, String> DATA_SCHEMA_BY_TYPE = Map.of(
            ARTICLE_CREATED, "article-event-data",
            ARTICLE_UPDATED, "article-event-data",
            ARTICLE_STATUS_CHANGED, "article-event-data",
            ARTICLE_REFERENCES_REPLACED, "article-event-data",
            ARTICLE_DELETED, "article-event-data",
            REFERENCE_STATUS_CHANGED, "reference-status-changed",
            CITATION_COUNTS_CHANGED, "citation-counts-changed",
            REFERENCE_BUILD_FINISHED, "reference-build-finished");

    private EventTypes() {
    }
}
