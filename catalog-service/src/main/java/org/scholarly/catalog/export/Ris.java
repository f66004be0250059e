package org.scholarly.catalog.export;

/**
 * Writes a RIS record: one {@code TAG  - value} line per field, CRLF line ends as the format prescribes, closed by
 * {@code ER}. A value is one line, so line breaks inside a field become spaces.
 */
final class Ris {

    private static final String END = "\r\n";

    private Ris() {
    }

    static String record(CitedArticle a) {
        StringBuilder record = new StringBuilder();
        line(record, "TY", "JOUR");
        a.authors().forEach(name -> line(record, "AU", name.literal() != null ? name.literal()
                : name.family() + (name.given() == null ? "" : ", " + name.given())));
        line(record, "TI", a.title());
        line(record, "T2", a.journal());
        line(record, "J2", a.journalAlternate());
        line(record, "PY", a.year() == null ? null : a.year().toString());
        line(record, "DA", a.date() == null ? null : a.date().toString().replace('-', '/'));
        line(record, "VL", a.volume());
        line(record, "IS", a.issue());
        line(record, "SP", a.firstPage());
        line(record, "EP", a.lastPage());
        line(record, "DO", a.doi());
        line(record, "SN", a.issn());
        line(record, "PB", a.publisher());
        line(record, "LA", a.titleLanguage());
        a.keywords().forEach(keyword -> line(record, "KW", keyword));
        line(record, "AB", a.abstractText());
        line(record, "N1", a.retracted() ? "Retracted" : null);
        line(record, "ID", a.id());
        return record.append("ER  - ").append(END).toString();
    }

    private static void line(StringBuilder record, String tag, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        record.append(tag).append("  - ").append(value.strip().replaceAll("[\\r\\n\\t]+", " ")).append(END);
    }
}
