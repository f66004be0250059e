package org.scholarly.catalog.article;

import org.scholarly.support.problem.ProblemException;

/** Reads the article version from an If-Match header: {@code 3}, {@code "3"} or {@code W/"3"}. */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the article version, e.g. \"3\"");
        }
    }
}
