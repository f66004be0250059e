package org.scholarly.citation.resolution;

import java.util.Collection;

/** Where the resolver finds the catalog articles a reference may point to. */
public interface CandidateSource {

    /**
     * The citable articles that have one of these {@link LookupKeys}: exact look-ups, a bounded number of articles
     * per key, so that their cost depends on the reference and not on the size of the catalog.
     */
    Collection<CandidateArticle> byKeys(Collection<Long> keys);
}
