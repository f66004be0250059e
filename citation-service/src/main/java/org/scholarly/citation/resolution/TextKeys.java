package org.scholarly.citation.resolution;

import org.scholarly.support.text.MatchKeys;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normal forms used on both sides of matching: the catalog's articles and the references that may cite them. DOIs
 * and Hangul are service-support's ({@code Dois}, {@code Hangul}), as in every service.
 */
public final class TextKeys {

    private TextKeys() {
    }

    /** A title or free text in the form the catalog matches on too ({@link MatchKeys#matchKey}). */
    public static String key(String text) {
        return MatchKeys.matchKey(text);
    }

    /** Page or volume tokens compared as numbers where they are numbers ("042" = "42"). */
    public static String number(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = Normalizer.normalize(value, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return withoutLeadingZeros(trimmed);
        }
        return trimmed;
    }

    /** "042" is 42 and "000" is 0: the zeros before another ASCII digit go. */
    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start + 1 < digits.length() && digits.charAt(start) == '0' && isAsciiDigit(digits.charAt(start + 1))) {
            start++;
        }
        return digits.substring(start);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
