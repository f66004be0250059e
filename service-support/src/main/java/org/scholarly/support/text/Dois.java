package org.scholarly.support.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one canonical form of a DOI, used by the catalog when it stores one and by the citation-service when it
 * matches a reference to it: NFKC-folded, lower-case (DOIs are case-insensitive), without a resolver prefix
 * ({@code https://doi.org/}, {@code doi:}) and without the punctuation that ends a sentence or a bracket around it.
 */
public final class Dois {

    /**
     * Linear on any text: a start that fails does so within "10." and nine digits, and the suffix, once begun,
     * cannot fail.
     */
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s\"<>]+");
    private static final Pattern PREFIX = Pattern.compile("^(https?://(dx\\.)?doi\\.org/|doi:\\s*)");
    private static final String TRAILING = ".,;:)]}'";

    private Dois() {
    }

    /**
     * A field that should hold a DOI and nothing else (a prefix is allowed): its canonical form, or null when it is
     * not one. The caller tells "absent" (blank) from "not a DOI".
     */
    public static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = PREFIX.matcher(fold(value)).replaceFirst("");
        Matcher matcher = DOI.matcher(text);
        return matcher.matches() ? canonical(text) : null;
    }

    /** The first DOI written anywhere in free text (a reference string), canonical; null when there is none. */
    public static String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = DOI.matcher(fold(text));
        return matcher.find() ? canonical(matcher.group()) : null;
    }

    private static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static String canonical(String found) {
        // Trimmed by index: cutting one character at a time would copy the rest of a long run of "))))" each time.
        int end = found.length();
        while (end > 0 && TRAILING.indexOf(found.charAt(end - 1)) >= 0) {
            end--;
        }
        String doi = found.substring(0, end);
        return doi.indexOf('/') < doi.length() - 1 ? doi : null;
    }
}
