package org.scholarly.citation.resolution;

import org.scholarly.support.text.MatchKeys;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normal forms used on both sides of matching: the catalog's articles and the references that may cite them. */
public final class TextKeys {

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
        String doi = matcher.group();
        while (!doi.isEmpty() && ".,;:)]}'".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
            doi = doi.substring(0, doi.length() - 1);
        }
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
            String stripped = trimmed.replaceFirst("^0+(?=\\d)", "");
            return stripped;
        }
        return trimmed;
    }

    public static boolean isHangul(String text) {
        return text != null && !text.isEmpty() && text.codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}
