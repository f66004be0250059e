package org.scholarly.citation.ingest;

/** Every messaging channel of this service, named once; their settings are in application.properties. */
public final class Channels {

    /** {@code catalog.article-events}, consumed in the group {@code citation-service}. */
    public static final String ARTICLE_EVENTS = "article-events";

    private Channels() {
    }
}
