package org.scholarly.catalog.common;

import org.scholarly.support.problem.Problem.FieldError;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Small field checks shared by every input; each adds a {@link FieldError} naming the field instead of throwing. */
public final class Checks {

    public static final int MIN_YEAR = 1000;
    private static final Pattern LANGUAGE_KEY = Pattern.compile("^[a-z]{2}(-[A-Za-z]{4})?$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final int MAX_TEXT = 100_000;

    private Checks() {
    }

    public static int maxYear() {
        return Year.now().getValue() + 1;
    }

    /** Trims the values of a map keyed by language (ko, en, zh-Hant) and drops blank ones. */
    public static Map<String, String> localized(Map<String, String> map, String field, boolean required, List<FieldError> errors) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> {
                if (key == null || !LANGUAGE_KEY.matcher(key).matches()) {
                    errors.add(new FieldError(field + "." + key, "is not a language code such as ko or en"));
                } else if (value != null && !value.isBlank()) {
                    if (value.length() > MAX_TEXT) {
                        errors.add(new FieldError(field + "." + key, "is longer than " + MAX_TEXT + " characters"));
                    }
                    clean.put(key, value.strip());
                }
            });
        }
        if (required && clean.isEmpty()) {
            errors.add(new FieldError(field, "needs at least one non-blank entry keyed by language"));
        }
        return clean;
    }

    public static void languageKeys(Map<String, ?> map, String field, List<FieldError> errors) {
        if (map != null) {
            map.keySet().stream().filter(k -> k == null || !LANGUAGE_KEY.matcher(k).matches())
                    .forEach(k -> errors.add(new FieldError(field + "." + k, "is not a language code such as ko or en")));
        }
    }

    public static void language(String language, String field, List<FieldError> errors) {
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(new FieldError(field, "must be an ISO 639-1 code such as ko or en"));
        }
    }

    public static void year(Integer year, String field, List<FieldError> errors) {
        if (year != null && (year < MIN_YEAR || year > maxYear())) {
            errors.add(new FieldError(field, "must be between " + MIN_YEAR + " and " + maxYear()));
        }
    }

    /** Both pages numeric: the first must not come after the last. Roman numerals and e-locators pass as they are. */
    public static void pageRange(String first, String last, String field, List<FieldError> errors) {
        if (first != null && first.length() > 32 || last != null && last.length() > 32) {
            errors.add(new FieldError(field, "pages are at most 32 characters"));
            return;
        }
        if (first != null && last != null && first.matches("\\d{1,9}") && last.matches("\\d{1,9}")
                && Integer.parseInt(first) > Integer.parseInt(last)) {
            errors.add(new FieldError(field, "firstPage " + first + " comes after lastPage " + last));
        }
    }

    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
