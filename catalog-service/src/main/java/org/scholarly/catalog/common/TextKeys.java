package org.scholarly.catalog.common;

import org.scholarly.support.text.MatchKeys;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation for matching and searching, the same for every script. */
public final class TextKeys {

    private TextKeys() {
    }

    /** See {@link MatchKeys#matchKey}: the form both the catalog and the citation-service match on. */
    public static String matchKey(String text) {
        return MatchKeys.matchKey(text);
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
