package org.scholarly.contract;

/** Every Kafka topic the platform uses, named once. */
public final class Topics {

    /** Every change to an article, published by catalog-service through its outbox. Key: article id. */
    public static final String ARTICLE_EVENTS = "catalog.article-events";

    /** Reference-status, citation-count and reference-build events, published by citation-service. Key: article or build id. */
    public static final String CITATION_EVENTS = "citation.events";

    /** Records from {@link #ARTICLE_EVENTS} that citation-service could not process, with the reason in a header. */
    public static final String ARTICLE_EVENTS_DEAD_LETTER = "catalog.article-events.dlq";

    /** Records from {@link #CITATION_EVENTS} that a consumer could not process. */
    public static final String CITATION_EVENTS_DEAD_LETTER = "citation.events.dlq";

    private Topics() {
    }
}
