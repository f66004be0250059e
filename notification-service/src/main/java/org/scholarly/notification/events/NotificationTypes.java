package org.scholarly.notification.events;

import java.util.Set;

/** What a subscription can ask to hear about; each is derived from one or more platform events. */
public final class NotificationTypes {

    /** {@code article.created} in workflow status SUBMITTED. */
    public static final String SUBMISSION_RECEIVED = "submission.received";
    /** {@code article.status-changed}: an editor moved the article through the workflow. */
    public static final String WORKFLOW_DECISION = "workflow.decision";
    /** {@code reference-status.changed} to BUILT, PARTIAL or FAILED. */
    public static final String REFERENCES_BUILT = "references.built";
    /** {@code reference-build.finished}: a reference-building campaign ended. */
    public static final String REFERENCE_BUILD_FINISHED = "reference-build.finished";
    /** {@code citation-counts.changed} crossing 1, 10, 100, 1000, ... citations. */
    public static final String CITATION_MILESTONE = "citation.milestone";

    public static final Set<String> ALL = Set.of(
            SUBMISSION_RECEIVED, WORKFLOW_DECISION, REFERENCES_BUILT, REFERENCE_BUILD_FINISHED, CITATION_MILESTONE);

    private NotificationTypes() {
    }
}
