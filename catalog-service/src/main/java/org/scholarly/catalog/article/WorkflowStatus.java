package org.scholarly.catalog.article;

public enum WorkflowStatus {
    SUBMITTED, UNDER_REVIEW, REVISION_REQUESTED, ACCEPTED, PUBLISHED, REJECTED, WITHDRAWN, RETRACTED;

    /** Published and retracted articles are public; everything else is an unpublished submission. */
    public boolean isPublic() {
        return this == PUBLISHED || this == RETRACTED;
    }
}
