package org.scholarly.catalog.export;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Formats citations with citeproc-java and the official CSL styles and locales. Building a processor parses the
 * style and the locale (tens of milliseconds, a few hundred for the very first one while classes load); rendering
 * an item with a built one takes about a millisecond. So there is one processor per style and locale, built on first
 * use and kept. A processor holds the items of the bibliography it is making and is not thread-safe: each is used by
 * one request at a time (a render is short; other styles and locales are not held up).
 */
@ApplicationScoped
public class CitationRenderer {

    private final ConcurrentMap<Key, Processor> processors = new ConcurrentHashMap<>();

    public String render(CSLItemData item, CitationStyle style, CitationLocale locale) {
        return processors.computeIfAbsent(new Key(style, locale), Processor::new).render(item);
    }

    private record Key(CitationStyle style, CitationLocale locale) {
    }

    private static final class Processor implements ItemDataProvider {

        private final CSL csl;
        private CSLItemData current;

        Processor(Key key) {
            try {
                csl = new CSL(this, key.style().id(), key.locale().tag());
            } catch (IOException e) {
                throw new UncheckedIOException("CSL style " + key.style().id() + " or locale " + key.locale().tag()
                        + " is missing from the classpath", e);
            }
        }

        synchronized String render(CSLItemData item) {
            current = item;
            try {
                // reset() forgets the previous item and also the output format, so the format is set after it.
                csl.reset();
                csl.setOutputFormat("text");
                csl.registerCitationItems(item.getId());
                return csl.makeBibliography().getEntries()[0].strip();
            } finally {
                current = null;
            }
        }

        @Override
        public CSLItemData retrieveItem(String id) {
            return current != null && current.getId().equals(id) ? current : null;
        }

        @Override
        public Collection<String> getIds() {
            return current == null ? List.of() : List.of(current.getId());
        }
    }
}
