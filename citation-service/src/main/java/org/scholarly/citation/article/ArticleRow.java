package org.scholarly.citation.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** This service's read model of one catalog article: what matching, counting and status need. */
public record ArticleRow(
        UUID id,
        long version,
        String workflowStatus,
        boolean deleted,
        String doi,
        Integer year,
        UUID journalId,
        String volume,
        String issueNumber,
        String firstPage,
        String lastPage,
        String titlesJson,
        List<String> titleKeys,
        List<String> containerKeys,
        List<String> containerWords,
        List<String> authorLatin,
        List<String> authorHangul,
        List<String> authorHangulFamily,
        String referencesHash,
        String referenceStatus,
        String statusNotice,
        UUID statusBuildId,
        long statusSequence,
        int referenceCount,
        int resolvedCount,
        OffsetDateTime builtAt) {

    /** Only published articles that were not deleted count as citing articles. */
    public boolean citing() {
        return !deleted && "PUBLISHED".equals(workflowStatus);
    }

    /** Published work stays citable after a retraction (and retracted papers are cited); nothing else is. */
    public boolean citable() {
        return !deleted && ("PUBLISHED".equals(workflowStatus) || "RETRACTED".equals(workflowStatus));
    }

    /** Whether references that matched (or did not match) this article might now decide differently. */
    public boolean matchesDifferentlyFrom(ArticleRow other) {
        return other == null || citable() != other.citable()
                || !java.util.Objects.equals(doi, other.doi) || !java.util.Objects.equals(year, other.year)
                || !java.util.Objects.equals(volume, other.volume) || !java.util.Objects.equals(issueNumber, other.issueNumber)
                || !java.util.Objects.equals(firstPage, other.firstPage) || !java.util.Objects.equals(lastPage, other.lastPage)
                || !titleKeys.equals(other.titleKeys) || !containerKeys.equals(other.containerKeys)
                || !containerWords.equals(other.containerWords)
                || !authorLatin.equals(other.authorLatin) || !authorHangul.equals(other.authorHangul)
                || !authorHangulFamily.equals(other.authorHangulFamily);
    }
}
