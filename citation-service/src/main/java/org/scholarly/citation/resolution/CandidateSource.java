package org.scholarly.citation.resolution;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Where the resolver finds the catalog articles a reference may point to. */
public interface CandidateSource {

    /** Articles with exactly this normalised DOI. */
    List<CandidateArticle> byDoi(String doi);

    /** Articles that share enough of a title with {@code titleKeys}, or have one of the years and first pages. */
    Collection<CandidateArticle> search(List<String> titleKeys, String textKey, Collection<Integer> years,
                                        Collection<Integer> firstPages, UUID exclude);
}
