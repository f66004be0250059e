package org.scholarly.catalog.journal;

import org.scholarly.catalog.common.Checks;
import org.scholarly.catalog.common.Identifiers;
import org.scholarly.support.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Checks and normalises a {@link JournalInput}; every problem is reported under {@code prefix}. */
public final class JournalInputs {

    private JournalInputs() {
    }

    public static JournalInput normalise(JournalInput input, String prefix, List<FieldError> errors) {
        if (input == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "journal" : prefix, "is required"));
            return null;
        }
        String p = prefix.isEmpty() ? "" : prefix + ".";
        var titles = Checks.localized(input.titles(), p + "titles", true, errors);
        var publisher = Checks.localized(input.publisher(), p + "publisher", false, errors);
        String issnPrint = issn(input.issnPrint(), p + "issnPrint", errors);
        String issnElectronic = issn(input.issnElectronic(), p + "issnElectronic", errors);
        List<String> externalIds = externalIds(input.externalIds(), p + "externalIds", errors);
        return new JournalInput(titles, publisher.isEmpty() ? null : publisher, Checks.trimToNull(input.researchArea()),
                input.accreditation(), issnPrint, issnElectronic, externalIds);
    }

    private static String issn(String raw, String field, List<FieldError> errors) {
        String issn = Identifiers.normaliseIssn(raw);
        if (issn != null && !Identifiers.isValidIssn(issn)) {
            errors.add(new FieldError(field, "'" + raw + "' is not a valid ISSN (format NNNN-NNNC, ISO 3297 check digit)"));
        }
        return issn;
    }

    public static List<String> externalIds(List<String> ids, String field, List<FieldError> errors) {
        List<String> clean = new ArrayList<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                String id = Checks.trimToNull(ids.get(i));
                if (!Identifiers.isExternalId(id)) {
                    errors.add(new FieldError(field + "[" + i + "]", "must look like scheme:value, e.g. kci:ART001234567"));
                } else if (!clean.contains(id)) {
                    clean.add(id);
                }
            }
        }
        return clean;
    }
}
