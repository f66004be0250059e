package org.scholarly.citation.paging;

import org.scholarly.support.paging.Cursors;

import java.util.List;

/**
 * A bridge to service-support's paging for the references listing, which still takes an integer limit: it keeps the
 * same limits, cursor format and problem as every other listing. New code uses
 * {@link org.scholarly.support.paging.PageParams}, {@link org.scholarly.support.paging.Page} and {@link Cursors}.
 */
@Deprecated(forRemoval = true)
public final class Paging {

    private Paging() {
    }

    /** Serialised like service-support's Page: nextCursor absent on the last page. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Page<T>(List<T> items, String nextCursor) {
    }

    public static int limit(Integer requested) {
        return org.scholarly.support.paging.Paging.limit(requested == null ? null : requested.toString());
    }

    public static String encode(String position) {
        return Cursors.encode(position);
    }

    public static String[] decode(String cursor, int parts) {
        return Cursors.decode(cursor, parts, p -> p);
    }
}
