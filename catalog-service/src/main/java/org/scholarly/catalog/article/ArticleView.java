package org.scholarly.catalog.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.scholarly.catalog.journal.Accreditation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An article as the API returns it: the native ingestion form plus the server-owned fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        UUID id,
        long version,
        Map<String, String> titles,
        Map<String, String> abstracts,
        Map<String, List<String>> keywords,
        Integer publicationYear,
        String firstPage,
        String lastPage,
        String doi,
        List<String> externalIds,
        String language,
        WorkflowStatus workflowStatus,
        JournalRef journal,
        IssueRef issue,
        List<AuthorEntry> authors,
        List<ReferenceEntry> references,
        ReferenceStatusView referenceStatus,
        CitationSummary citationSummary,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JournalRef(UUID id, Map<String, String> titles, Map<String, String> publisher, String researchArea,
                             Accreditation accreditation, String issnPrint, String issnElectronic, List<String> externalIds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssueRef(UUID id, Integer year, String volume, String number, LocalDate publicationDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferenceStatusView(ReferenceStatus status, String notice, OffsetDateTime asOf) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CitationSummary(long citedByCount, Map<String, Long> countsByYear, OffsetDateTime asOf) {
    }
}
