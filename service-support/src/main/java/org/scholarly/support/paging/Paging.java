package org.scholarly.support.paging;

import org.scholarly.support.problem.ProblemException;

/**
 * The page size every listing accepts. It arrives as text on purpose: JAX-RS answers a query parameter it cannot
 * convert with a bare 404, while a malformed {@code limit} is the client's mistake and must be a 400 naming it.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    public static int limit(String requested) {
        return limit(requested, DEFAULT_LIMIT);
    }

    /** The requested size, {@code whenAbsent} without one; anything but a whole number in 1..100 is a 400. */
    public static int limit(String requested, int whenAbsent) {
        if (requested == null || requested.isBlank()) {
            return whenAbsent;
        }
        int limit;
        try {
            limit = Integer.parseInt(requested.strip());
        } catch (NumberFormatException e) {
            throw invalidLimit();
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalidLimit();
        }
        return limit;
    }

    private static ProblemException invalidLimit() {
        return ProblemException.invalidField("limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }
}
