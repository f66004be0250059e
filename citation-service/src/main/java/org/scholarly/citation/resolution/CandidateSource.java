package org.scholarly.citation.resolution;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Where the resolver finds the catalog articles a reference may point to. */
public interface CandidateSource {

    /** Articles with exactly this normalised DOI. */
    List<CandidateArticle> byDoi(String doi);

    /**
     * Articles with one of {@code titleKeys} as a title, with one of the years and first pages, or with one of the
     * first-page keys in one of the volumes (or issues): cheap look-ups by exact keys.
     */
    Collection<CandidateArticle> search(List<String> titleKeys, String textKey, Collection<Integer> years,
                                        Collection<Integer> firstPages, Collection<String> pageKeys,
                                        Collection<String> volumes, UUID exclude);

    /** Articles whose titles are similar to one of {@code titleKeys}: a typo, a subtitle, another transliteration. */
    Collection<CandidateArticle> similarTitles(List<String> titleKeys, UUID exclude);
}
