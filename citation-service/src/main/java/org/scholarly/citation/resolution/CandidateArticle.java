package org.scholarly.citation.resolution;

import java.util.List;
import java.util.UUID;

/**
 * A catalog article as the resolver compares it with a reference; every text field is already normalised.
 * {@code pageKey} is the first page as stored ("275", "s184", "e0123456"); {@code containerWords} the journal's
 * titles as their significant words ({@link JournalWords#significant}).
 */
public record CandidateArticle(
        UUID id,
        String doi,
        Integer year,
        String volume,
        String issueNumber,
        Integer firstPage,
        Integer lastPage,
        String pageKey,
        List<String> titleKeys,
        List<String> containerKeys,
        List<String> containerWords,
        List<String> latinFamilyNames,
        List<String> hangulNames,
        List<String> hangulFamilyNames) {
}
