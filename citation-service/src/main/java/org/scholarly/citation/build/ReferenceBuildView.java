package org.scholarly.citation.build;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A campaign and its progress. {@code done} counts articles built, partially built or failed. */
public record ReferenceBuildView(
        UUID id,
        String state,
        UUID journalId,
        Integer fromYear,
        Integer toYear,
        String notice,
        String requestedBy,
        int total,
        int done,
        int builtArticles,
        int partialArticles,
        int failedArticles,
        int resolvedReferences,
        int unresolvedReferences,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt) {
}
