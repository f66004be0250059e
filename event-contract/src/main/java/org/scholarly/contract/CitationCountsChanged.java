package org.scholarly.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * {@code citation-counts.changed}: the cited-by count of an article after a change, coalesced per article
 * so that a bulk ingest does not emit one event per reference. {@code countsByYear} is keyed by the
 * citing articles' publication year. {@code sequence} grows per article.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CitationCountsChanged(
        UUID articleId,
        long citedByCount,
        long previousCitedByCount,
        Map<String, Long> countsByYear,
        OffsetDateTime asOf,
        long sequence) {
}
