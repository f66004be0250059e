package org.scholarly.catalog.common;

import org.scholarly.support.problem.Problem.FieldError;
import org.scholarly.support.text.Dois;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises and checks the identifiers the catalog accepts: ISSN, ORCID and prefixed external ids. DOIs have their
 * one canonical form in service-support ({@link org.scholarly.support.text.Dois}), shared with the citation-service.
 */
public final class Identifiers {

    private static final Pattern ISSN = Pattern.compile("^[0-9]{4}-?[0-9]{3}[0-9Xx]$");
    private static final Pattern ORCID = Pattern.compile("^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$");
    private static final Pattern ORCID_PREFIX = Pattern.compile("^https?://(www\\.)?orcid\\.org/", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[a-z][a-z0-9-]*:\\S.*$");

    private Identifiers() {
    }

    /** The DOI in its canonical form, null when absent; a value that is not a DOI is an error naming the field. */
    public static String doi(String raw, String field, List<FieldError> errors) {
        String doi = Dois.normalise(raw);
        if (doi == null && raw != null && !raw.isBlank()) {
            errors.add(new FieldError(field, "'" + raw + "' is not a DOI (10.NNNN/suffix)"));
        }
        return doi;
    }

    /** "12294764" or "1229-4764" becomes "1229-4764"; anything else is returned trimmed, for the checksum to reject. */
    public static String normaliseIssn(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String issn = raw.trim().toUpperCase(Locale.ROOT);
        if (ISSN.matcher(issn).matches() && issn.length() == 8) {
            issn = issn.substring(0, 4) + "-" + issn.substring(4);
        }
        return issn;
    }

    /** ISO 3297: weights 8..2 over the first seven digits, check digit (11 - sum mod 11) mod 11, 10 written X. */
    public static boolean isValidIssn(String issn) {
        if (issn == null || issn.length() != 9 || !ISSN.matcher(issn).matches()) {
            return false;
        }
        String digits = issn.replace("-", "");
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return digits.charAt(7) == expected;
    }

    public static String normaliseOrcid(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return ORCID_PREFIX.matcher(raw.trim()).replaceFirst("").toUpperCase(Locale.ROOT);
    }

    /** ISO 7064 MOD 11-2 over the fifteen digits, as ORCID specifies. */
    public static boolean isValidOrcid(String orcid) {
        if (orcid == null || !ORCID.matcher(orcid).matches()) {
            return false;
        }
        String digits = orcid.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        char expected = result == 10 ? 'X' : (char) ('0' + result);
        return digits.charAt(15) == expected;
    }

    /** {@code scheme:value} with a lower-case scheme, e.g. {@code kci:ART001234567}. */
    public static boolean isExternalId(String id) {
        return id != null && EXTERNAL_ID.matcher(id).matches();
    }
}
