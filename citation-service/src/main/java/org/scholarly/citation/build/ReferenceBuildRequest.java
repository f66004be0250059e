package org.scholarly.citation.build;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Starts a campaign; every field optional. Server-owned fields (id, state, counts) are unknown here and rejected. */
public record ReferenceBuildRequest(
        UUID journalId,
        @Min(1000) @Max(2999) Integer fromYear,
        @Min(1000) @Max(2999) Integer toYear,
        @Size(min = 1, max = 500) String notice) {
}
