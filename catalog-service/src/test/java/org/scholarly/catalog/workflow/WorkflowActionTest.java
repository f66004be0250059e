package org.scholarly.catalog.workflow;

import org.junit.jupiter.api.Test;
import org.scholarly.catalog.article.WorkflowStatus;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowActionTest {

    @Test
    void allowsExactlyTheTransitionsOfTheSubmissionWorkflow() {
        assertThat(allowedFrom(WorkflowStatus.SUBMITTED)).containsExactlyInAnyOrder(WorkflowAction.START_REVIEW, WorkflowAction.REJECT, WorkflowAction.WITHDRAW);
        assertThat(allowedFrom(WorkflowStatus.UNDER_REVIEW)).containsExactlyInAnyOrder(WorkflowAction.REQUEST_REVISION,
                WorkflowAction.ACCEPT, WorkflowAction.REJECT, WorkflowAction.WITHDRAW);
        assertThat(allowedFrom(WorkflowStatus.REVISION_REQUESTED)).containsExactlyInAnyOrder(WorkflowAction.SUBMIT_REVISION,
                WorkflowAction.REJECT, WorkflowAction.WITHDRAW);
        assertThat(allowedFrom(WorkflowStatus.ACCEPTED)).containsExactlyInAnyOrder(WorkflowAction.PUBLISH, WorkflowAction.WITHDRAW);
        assertThat(allowedFrom(WorkflowStatus.PUBLISHED)).containsExactly(WorkflowAction.RETRACT);
        assertThat(allowedFrom(WorkflowStatus.REJECTED)).isEmpty();
        assertThat(allowedFrom(WorkflowStatus.WITHDRAWN)).isEmpty();
        assertThat(allowedFrom(WorkflowStatus.RETRACTED)).isEmpty();
    }

    private static Set<WorkflowAction> allowedFrom(WorkflowStatus status) {
        Set<WorkflowAction> allowed = EnumSet.noneOf(WorkflowAction.class);
        for (WorkflowAction action : WorkflowAction.values()) {
            if (action.allowedFrom(status)) {
                allowed.add(action);
            }
        }
        return allowed;
    }
}
