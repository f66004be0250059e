package org.scholarly.catalog.common;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation for matching and searching, the same for every script. */
public final class TextKeys {

    private TextKeys() {
    }

    /** Letters and digits only, NFKC-folded and lower-cased: "Chung-Ang  Saron" and "chung ang saron" match. */
    public static String matchKey(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /** What the trigram index holds and what a query is compared with: NFKC-folded, lower-cased, spaces collapsed. */
    public static String searchForm(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** Escapes LIKE wildcards so a query is matched literally. */
    public static String likeContains(String query) {
        String escaped = searchForm(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
