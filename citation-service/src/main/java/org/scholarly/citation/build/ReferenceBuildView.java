package org.scholarly.citation.build;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A campaign and its progress as editors see it, with who requested it. {@code done} counts articles built, partially
 * built or failed. Anyone else gets {@link ReferenceBuildPublicView}.
 */
@Schema(description = "A reference-building campaign and its progress as editors see it, with requestedBy")
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
        OffsetDateTime finishedAt) implements ReferenceBuildProgress {
}
