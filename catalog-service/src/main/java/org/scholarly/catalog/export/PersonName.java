package org.scholarly.catalog.export;

import org.scholarly.catalog.article.AuthorEntry;

import java.util.Map;

/**
 * One author's name in the language a locale prefers: family and given when the record names the family name,
 * otherwise the whole name as a literal that no format splits or reorders.
 */
record PersonName(String family, String given, String literal) {

    static PersonName of(AuthorEntry author, CitationLocale locale) {
        Map.Entry<String, String> name = Localized.pick(author.names(), locale);
        if (name == null) {
            return null;
        }
        String full = name.getValue().strip();
        String family = author.familyNames() == null ? null : author.familyNames().get(name.getKey());
        if (family == null || family.isBlank()) {
            return new PersonName(null, null, full);
        }
        family = family.strip();
        String given;
        if (full.startsWith(family) && (eastAsian(family) || boundary(full, family.length()))) {
            given = full.substring(family.length());   // 안치영, Ahn Chi-Young, Ahn, Chi-Young
        } else if (full.endsWith(family) && boundary(full, full.length() - family.length() - 1)) {
            given = full.substring(0, full.length() - family.length());   // Chi-Young Ahn
        } else {
            return new PersonName(null, null, full);
        }
        given = given.replaceFirst("^[\\s,]+", "").strip();
        return new PersonName(family, given.isEmpty() ? null : given, null);
    }

    /** A family name ends or starts at a word boundary: "Ahn" is not the family name of "Ahnert Paul". */
    private static boolean boundary(String full, int index) {
        return index < 0 || index >= full.length() || Character.isWhitespace(full.charAt(index)) || full.charAt(index) == ',';
    }

    /**
     * Hangul, Han and kana names are written family name first with nothing in between (안치영), in every style.
     * CSL prescribes this for such names, but citeproc-java 3.4 renders them like Latin names (안, 치영 or 치영 안),
     * so the processor is handed them as one literal.
     */
    boolean eastAsian() {
        return eastAsian(familyFirst());
    }

    private static boolean eastAsian(String text) {
        return text.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
        });
    }

    /** The name as written in East Asian order, for a processor that does not know that order. */
    String familyFirst() {
        return literal != null ? literal : family + (given == null ? "" : given);
    }
}
