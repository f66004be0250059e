package org.scholarly.catalog.article;

import org.scholarly.catalog.common.Checks;
import org.scholarly.catalog.common.Identifiers;
import org.scholarly.support.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Checks and normalises a reference list; each entry needs a raw string, a title or a DOI. */
public final class References {

    private References() {
    }

    public static List<ReferenceEntry> normalise(List<ReferenceEntry> references, String field, List<FieldError> errors) {
        List<ReferenceEntry> clean = new ArrayList<>();
        if (references == null) {
            return clean;
        }
        for (int i = 0; i < references.size(); i++) {
            String at = field + "[" + i + "]";
            ReferenceEntry r = references.get(i);
            if (r == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            String doi = Identifiers.doi(r.doi(), at + ".doi", errors);
            String raw = Checks.trimToNull(r.raw());
            String title = Checks.trimToNull(r.title());
            if (raw == null && title == null && doi == null) {
                errors.add(new FieldError(at, "needs raw, title or doi"));
            }
            Checks.year(r.year(), at + ".year", errors);
            Checks.pageRange(r.firstPage(), r.lastPage(), at, errors);
            List<String> authors = r.authors() == null ? null
                    : r.authors().stream().map(Checks::trimToNull).filter(a -> a != null).toList();
            clean.add(new ReferenceEntry(raw, authors == null || authors.isEmpty() ? null : authors, title,
                    Checks.trimToNull(r.container()), r.year(), Checks.trimToNull(r.volume()), Checks.trimToNull(r.issue()),
                    Checks.trimToNull(r.firstPage()), Checks.trimToNull(r.lastPage()), doi));
        }
        return clean;
    }
}
