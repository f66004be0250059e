package org.scholarly.notification.paging;

import org.scholarly.support.problem.ProblemException;

import java.util.UUID;

/** Parses ids from paths and query strings into a 400 naming the parameter, where JAX-RS would answer 404. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    /** A path id that is not even a UUID names no resource. */
    public static UUID inPath(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No " + what + " " + value);
        }
    }

    public static UUID parseOptional(String field, String value) {
        return value == null || value.isBlank() ? null : parse(field, value);
    }
}
