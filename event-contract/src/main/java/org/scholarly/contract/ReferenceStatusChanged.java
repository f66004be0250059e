package org.scholarly.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code reference-status.changed}: an article's reference-building status moved.
 * {@code sequence} grows per article, so the catalog can ignore a stale event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceStatusChanged(
        UUID articleId,
        String status,
        String notice,
        OffsetDateTime asOf,
        long sequence,
        int referenceCount,
        int resolvedReferenceCount,
        UUID buildId) {
}
