package org.scholarly.citation.resolution;

import java.util.List;
import java.util.UUID;

/** A catalog article as the resolver compares it with a reference; every text field is already normalised. */
public record CandidateArticle(
        UUID id,
        String doi,
        Integer year,
        String volume,
        String issueNumber,
        Integer firstPage,
        Integer lastPage,
        List<String> titleKeys,
        List<String> containerKeys,
        List<String> latinFamilyNames,
        List<String> hangulNames,
        List<String> hangulFamilyNames) {
}
