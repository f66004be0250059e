package org.scholarly.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code reference-build.finished}: a reference-building campaign worked through all its articles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceBuildFinished(
        UUID buildId,
        String state,
        int articleCount,
        int builtArticles,
        int partialArticles,
        int resolvedReferences,
        int unresolvedReferences,
        OffsetDateTime finishedAt) {
}
