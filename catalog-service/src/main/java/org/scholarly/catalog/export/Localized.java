package org.scholarly.catalog.export;

import java.util.Map;
import java.util.TreeMap;

/** Picks the form of a multilingual field (titles, names, ... keyed by language) that a locale prefers. */
final class Localized {

    private Localized() {
    }

    /** The locale's languages in order, then any other language (alphabetically, so the choice is stable). */
    static Map.Entry<String, String> pick(Map<String, String> forms, CitationLocale locale) {
        if (forms == null || forms.isEmpty()) {
            return null;
        }
        for (String language : locale.languages()) {
            String value = forms.get(language);
            if (value != null && !value.isBlank()) {
                return Map.entry(language, value.strip());
            }
        }
        return new TreeMap<>(forms).entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .findFirst().map(e -> Map.entry(e.getKey(), e.getValue().strip())).orElse(null);
    }

    static String text(Map<String, String> forms, CitationLocale locale) {
        Map.Entry<String, String> form = pick(forms, locale);
        return form == null ? null : form.getValue();
    }
}
