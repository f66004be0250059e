package org.scholarly.citation.resolution;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trigram similarity on keys from {@link TextKeys#key}, the same idea as PostgreSQL's pg_trgm; the resolver scores
 * its candidates with it, and measures containment too. A trigram is three code points packed into a long, a key's
 * trigrams a sorted array, and two keys are compared by merging their arrays: no strings, no boxing. The arrays of
 * recently compared keys are kept per thread, since a poll compares the same candidate titles and the same
 * reference strings many times over.
 */
public final class Trigrams {

    /** Keys whose trigram arrays a thread keeps (each a few hundred bytes). */
    static final int CACHED_KEYS = 4096;

    private static final ThreadLocal<Map<String, long[]>> PADDED = ThreadLocal.withInitial(Trigrams::cache);
    private static final ThreadLocal<Map<String, long[]>> INNER = ThreadLocal.withInitial(Trigrams::cache);

    private Trigrams() {
    }

    /** Jaccard similarity of the two (padded, as pg_trgm pads) trigram sets, 0..1. */
    public static double similarity(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long[] x = PADDED.get().computeIfAbsent(a, k -> grams("  " + k + " "));
        long[] y = PADDED.get().computeIfAbsent(b, k -> grams("  " + k + " "));
        int common = common(x, y);
        return (double) common / (x.length + y.length - common);
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
        long[] n = INNER.get().computeIfAbsent(needle, Trigrams::grams);
        long[] h = INNER.get().computeIfAbsent(haystack, Trigrams::grams);
        return n.length == 0 ? 0 : (double) common(n, h) / n.length;
    }

    /** The distinct trigrams of the text, sorted. */
    static long[] grams(String text) {
        int[] cps = text.codePoints().toArray();
        if (cps.length < 3) {
            return new long[0];
        }
        long[] grams = new long[cps.length - 2];
        for (int i = 0; i + 3 <= cps.length; i++) {
            grams[i] = ((long) cps[i] << 42) | ((long) cps[i + 1] << 21) | cps[i + 2];
        }
        Arrays.sort(grams);
        int distinct = 0;
        for (int i = 0; i < grams.length; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) {
                grams[distinct++] = grams[i];
            }
        }
        return Arrays.copyOf(grams, distinct);
    }

    private static int common(long[] x, long[] y) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    private static Map<String, long[]> cache() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > CACHED_KEYS;
            }
        };
    }
}
