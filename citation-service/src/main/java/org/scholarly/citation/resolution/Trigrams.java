package org.scholarly.citation.resolution;

import java.util.HashSet;
import java.util.Set;

/**
 * Trigram similarity on keys from {@link TextKeys#key}, the same idea as PostgreSQL's pg_trgm (which finds the
 * candidates); the resolver scores the candidates again here, where it can also measure containment.
 */
public final class Trigrams {

    private Trigrams() {
    }

    public static Set<String> of(String key) {
        Set<String> grams = new HashSet<>();
        if (key == null || key.isEmpty()) {
            return grams;
        }
        int[] cps = ("  " + key + " ").codePoints().toArray();
        for (int i = 0; i + 3 <= cps.length; i++) {
            grams.add(new String(cps, i, 3));
        }
        return grams;
    }

    /** Jaccard similarity of the two trigram sets, 0..1. */
    public static double similarity(String a, String b) {
        Set<String> x = of(a);
        Set<String> y = of(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String g : x) {
            if (y.contains(g)) {
                common++;
            }
        }
        return (double) common / (x.size() + y.size() - common);
    }

    /**
     * Share of the needle's inner trigrams found in the haystack, 0..1: how completely a catalog title appears
     * inside a reference string that also holds authors, journal and pages. Padding trigrams are left out
     * because a title inside a longer string is not surrounded by the padding.
     */
    public static double containment(String needle, String haystack) {
        if (needle == null || haystack == null || needle.length() < 3) {
            return needle != null && haystack != null && !needle.isEmpty() && haystack.contains(needle) ? 1 : 0;
        }
        Set<String> hay = new HashSet<>();
        int[] h = haystack.codePoints().toArray();
        for (int i = 0; i + 3 <= h.length; i++) {
            hay.add(new String(h, i, 3));
        }
        int[] n = needle.codePoints().toArray();
        int total = 0;
        int found = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i + 3 <= n.length; i++) {
            String gram = new String(n, i, 3);
            if (seen.add(gram)) {
                total++;
                if (hay.contains(gram)) {
                    found++;
                }
            }
        }
        return total == 0 ? 0 : (double) found / total;
    }
}
