package org.scholarly.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of every {@code article.*} event: a full snapshot of the article at {@code version}.
 * Consumers keep the highest version they have applied and ignore anything older, so redelivery,
 * replay and reordering across partitions are all harmless.
 *
 * <p>Maps keyed by language use ISO 639-1 codes ({@code ko}, {@code en}); author names are keyed by
 * script or language ({@code ko} for Hangul, {@code en} for the romanised form).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleEventData(
        UUID articleId,
        long version,
        String workflowStatus,
        String previousWorkflowStatus,
        boolean deleted,
        String doi,
        List<String> externalIds,
        Map<String, String> titles,
        Integer publicationYear,
        String language,
        Journal journal,
        Issue issue,
        String firstPage,
        String lastPage,
        List<Author> authors,
        List<Reference> references,
        String referenceStatus,
        String actor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Journal(UUID id, Map<String, String> titles, String issnPrint, String issnElectronic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issue(Integer year, String volume, String number) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(int position, Map<String, String> names, List<String> familyNames, String orcid) {
    }

    /** One entry of the reference list; any of the structured fields may be missing, {@code raw} too. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(
            int position,
            String raw,
            List<String> authors,
            String title,
            String container,
            Integer year,
            String volume,
            String issue,
            String firstPage,
            String lastPage,
            String doi) {
    }
}
