package org.scholarly.catalog.export;

import java.util.stream.Collectors;

/**
 * Writes a BibTeX {@code @article} entry. Values are UTF-8 (biber and BibLaTeX read Hangul as is); the characters
 * that TeX or BibTeX would take as markup are escaped, so any title survives the trip into a document.
 */
final class Bibtex {

    private Bibtex() {
    }

    static String entry(CitedArticle a) {
        StringBuilder entry = new StringBuilder("@article{").append(a.key()).append(",\n");
        field(entry, "author", a.authors().stream().map(Bibtex::name).collect(Collectors.joining(" and ")), false);
        field(entry, "title", a.title(), true);
        field(entry, "journal", a.journal(), true);
        field(entry, "year", a.year() == null ? null : a.year().toString(), true);
        field(entry, "date", a.date() == null ? null : a.date().toString(), true);
        field(entry, "volume", a.volume(), true);
        field(entry, "number", a.issue(), true);
        field(entry, "pages", a.pages() == null ? null : a.pages().replace("-", "--"), true);
        field(entry, "doi", a.doi(), true);
        field(entry, "issn", a.issn(), true);
        field(entry, "publisher", a.publisher(), true);
        field(entry, "language", a.titleLanguage(), true);
        field(entry, "keywords", a.keywords().isEmpty() ? null : String.join(", ", a.keywords()), true);
        field(entry, "abstract", a.abstractText(), true);
        field(entry, "note", a.retracted() ? "Retracted" : null, true);
        return entry.append("}\n").toString();
    }

    /** Family, Given: the form BibTeX never misreads; a name the record does not split stays one braced unit. */
    private static String name(PersonName name) {
        if (name.literal() != null) {
            return "{" + escape(name.literal()) + "}";
        }
        return escape(name.family()) + (name.given() == null ? "" : ", " + escape(name.given()));
    }

    private static void field(StringBuilder entry, String name, String value, boolean escape) {
        if (value == null || value.isBlank()) {
            return;
        }
        entry.append("  ").append(name).append(" = {").append(escape ? escape(value) : value).append("},\n");
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.strip().codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').appendCodePoint(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\r', '\n', '\t' -> out.append(' ');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
