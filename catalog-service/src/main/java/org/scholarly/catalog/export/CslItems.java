package org.scholarly.catalog.export;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import de.undercouch.citeproc.helper.json.MapJsonBuilderFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSL items (the input of a CSL processor, and the CSL-JSON export) from a cited article. */
final class CslItems {

    private CslItems() {
    }

    /** The item as exported in CSL-JSON: names split into family and given wherever the record splits them. */
    static CSLItemData exported(CitedArticle a) {
        return builder(a, false).abstrct(a.abstractText()).build();
    }

    /** The item handed to citeproc-java: East Asian names as one family-first literal (see {@link PersonName#eastAsian}). */
    static CSLItemData forProcessor(CitedArticle a) {
        return builder(a, true).build();
    }

    /** The CSL-JSON document: an array of items, as the CSL data schema defines it. */
    static List<Object> json(CSLItemData item) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) item.toJson(new MapJsonBuilderFactory().createJsonBuilder()));
        // The map holds the item type as citeproc-java's enum, whose CSL name is its toString(), not its Java name.
        map.replaceAll((key, value) -> value instanceof Enum<?> ? value.toString() : value);
        return List.of(map);
    }

    private static CSLItemDataBuilder builder(CitedArticle a, boolean forProcessor) {
        CSLItemDataBuilder item = new CSLItemDataBuilder().id(a.id()).type(CSLType.ARTICLE_JOURNAL)
                .title(a.title()).containerTitle(a.journal()).language(a.titleLanguage())
                .author(a.authors().stream().map(name -> name(name, forProcessor)).toArray(CSLName[]::new))
                .volume(a.volume()).issue(a.issue()).page(a.pages()).DOI(a.doi()).ISSN(a.issn()).publisher(a.publisher());
        if (a.date() != null) {
            item.issued(a.date().getYear(), a.date().getMonthValue(), a.date().getDayOfMonth());
        } else if (a.year() != null) {
            item.issued(a.year());
        }
        if (!a.keywords().isEmpty()) {
            item.keyword(String.join(", ", a.keywords()));
        }
        return item;
    }

    private static CSLName name(PersonName name, boolean forProcessor) {
        if (name.literal() != null || forProcessor && name.eastAsian()) {
            return new CSLNameBuilder().literal(name.familyFirst()).build();
        }
        return new CSLNameBuilder().family(name.family()).given(name.given()).build();
    }
}
