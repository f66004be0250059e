package org.scholarly.citation.build;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A campaign's progress for readers who are not editors: without requestedBy, a token subject. */
@Schema(description = "A reference-building campaign's progress for readers who are not editors (no requestedBy)")
public record ReferenceBuildPublicView(
        UUID id,
        String state,
        UUID journalId,
        Integer fromYear,
        Integer toYear,
        String notice,
        int total,
        int done,
        int builtArticles,
        int partialArticles,
        int failedArticles,
        int resolvedReferences,
        int unresolvedReferences,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt) implements ReferenceBuildProgress {

    static ReferenceBuildPublicView of(ReferenceBuildView v) {
        return new ReferenceBuildPublicView(v.id(), v.state(), v.journalId(), v.fromYear(), v.toYear(), v.notice(), v.total(),
                v.done(), v.builtArticles(), v.partialArticles(), v.failedArticles(), v.resolvedReferences(),
                v.unresolvedReferences(), v.createdAt(), v.finishedAt());
    }
}
