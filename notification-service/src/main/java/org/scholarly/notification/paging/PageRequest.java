package org.scholarly.notification.paging;

import org.scholarly.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A validated page size and an opaque keyset cursor. The cursor wraps the last row's sequence number, so pages
 * stay stable while rows are added, and clients cannot build one by hand without noticing it is ours.
 */
public record PageRequest(int limit, Long after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String PREFIX = "n1:";

    /** Both parameters arrive as text so that a malformed one is a 400 naming it, not JAX-RS's 404. */
    public static PageRequest of(String limit, String cursor) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("limit", "must be a number between 1 and " + MAX_LIMIT);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    /** Builds the page from up to {@code limit + 1} rows: the extra row only says that there is more. */
    public <T, V> Page<V> page(List<T> rows, ToLongFunction<T> seq, java.util.function.Function<T, V> view) {
        boolean more = rows.size() > limit;
        List<T> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(seq.applyAsLong(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor returned by this API");
        }
    }
}
