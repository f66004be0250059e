package org.scholarly.citation.paging;

import org.scholarly.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Limits and opaque cursors shared by the list endpoints. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    /** One page; {@code nextCursor} is null on the last page. */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    public static int limit(Integer requested) {
        int limit = requested == null ? DEFAULT_LIMIT : requested;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position inside a cursor, split at '|' into exactly {@code parts} pieces; 400 for anything else. */
    public static String[] decode(String cursor, int parts) {
        try {
            String[] position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (position.length == parts) {
                return position;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this endpoint issued");
    }
}
