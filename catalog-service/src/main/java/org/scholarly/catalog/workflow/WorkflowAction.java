package org.scholarly.catalog.workflow;

import org.scholarly.catalog.article.WorkflowStatus;

import java.util.EnumSet;
import java.util.Set;

import static org.scholarly.catalog.article.WorkflowStatus.ACCEPTED;
import static org.scholarly.catalog.article.WorkflowStatus.PUBLISHED;
import static org.scholarly.catalog.article.WorkflowStatus.REJECTED;
import static org.scholarly.catalog.article.WorkflowStatus.RETRACTED;
import static org.scholarly.catalog.article.WorkflowStatus.REVISION_REQUESTED;
import static org.scholarly.catalog.article.WorkflowStatus.SUBMITTED;
import static org.scholarly.catalog.article.WorkflowStatus.UNDER_REVIEW;
import static org.scholarly.catalog.article.WorkflowStatus.WITHDRAWN;

/**
 * The submission workflow: SUBMITTED → UNDER_REVIEW → (REVISION_REQUESTED ⇄ UNDER_REVIEW) → ACCEPTED → PUBLISHED,
 * REJECTED while in review, WITHDRAWN before publication, and PUBLISHED → RETRACTED. Everything else is refused.
 */
public enum WorkflowAction {
    START_REVIEW(EnumSet.of(SUBMITTED), UNDER_REVIEW),
    REQUEST_REVISION(EnumSet.of(UNDER_REVIEW), REVISION_REQUESTED),
    SUBMIT_REVISION(EnumSet.of(REVISION_REQUESTED), UNDER_REVIEW),
    ACCEPT(EnumSet.of(UNDER_REVIEW), ACCEPTED),
    PUBLISH(EnumSet.of(ACCEPTED), PUBLISHED),
    REJECT(EnumSet.of(SUBMITTED, UNDER_REVIEW, REVISION_REQUESTED), REJECTED),
    WITHDRAW(EnumSet.of(SUBMITTED, UNDER_REVIEW, REVISION_REQUESTED, ACCEPTED), WITHDRAWN),
    RETRACT(EnumSet.of(PUBLISHED), RETRACTED);

    private final Set<WorkflowStatus> from;
    private final WorkflowStatus to;

    WorkflowAction(Set<WorkflowStatus> from, WorkflowStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(WorkflowStatus status) {
        return from.contains(status);
    }

    public WorkflowStatus target() {
        return to;
    }
}
