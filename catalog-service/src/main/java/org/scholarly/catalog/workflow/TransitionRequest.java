package org.scholarly.catalog.workflow;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TransitionRequest(@NotNull WorkflowAction action, @Size(max = 4000) String comment) {
}
