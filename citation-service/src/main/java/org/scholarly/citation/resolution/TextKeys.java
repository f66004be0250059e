package org.scholarly.citation.resolution;

import org.scholarly.support.text.MatchKeys;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normal forms used on both sides of matching: the catalog's articles and the references that may cite them. */
public final class TextKeys {

    /**
     * Linear on any text: a start that fails does so within "10." and nine digits, and the suffix, once begun,
     * cannot fail.
     */
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s\"<>]+");

    private TextKeys() {
    }

    /** A title or free text in the form the catalog matches on too ({@link MatchKeys#matchKey}). */
    public static String key(String text) {
        return MatchKeys.matchKey(text);
    }

    /** Lower-case, without resolver prefixes and trailing punctuation; null unless it looks like a DOI. */
    public static String doi(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = DOI.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return null;
        }
        // Trimmed by index: cutting one character at a time would copy the rest of a long run of "))))" each time.
        String found = matcher.group();
        int end = found.length();
        while (end > 0 && ".,;:)]}'".indexOf(found.charAt(end - 1)) >= 0) {
            end--;
        }
        String doi = found.substring(0, end);
        return doi.contains("/") && doi.indexOf('/') < doi.length() - 1 ? doi : null;
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

    public static boolean isHangul(String text) {
        return text != null && !text.isEmpty() && text.codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}
