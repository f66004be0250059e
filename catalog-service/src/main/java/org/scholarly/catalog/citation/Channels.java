package org.scholarly.catalog.citation;

/** The SmallRye channel names of this service, configured under mp.messaging.* in application.properties. */
public final class Channels {

    /** Incoming: reference-status and citation-count events from the citation-service (topic citation.events). */
    public static final String CITATION_EVENTS = "citation-events";

    private Channels() {
    }
}
