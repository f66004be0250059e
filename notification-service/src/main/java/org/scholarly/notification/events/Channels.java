package org.scholarly.notification.events;

/** The messaging channels of this service, named once; their settings are in application.properties. */
public final class Channels {

    /** {@code catalog.article-events}. */
    public static final String ARTICLE_EVENTS_IN = "article-events-in";

    /** {@code citation.events}. */
    public static final String CITATION_EVENTS_IN = "citation-events-in";

    private Channels() {
    }
}
