package org.scholarly.notification.paging;

import org.scholarly.support.paging.Cursors;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A validated page size and the keyset position of service-support's cursor: the last row's sequence number, so
 * that pages stay stable while rows are added.
 */
public record PageRequest(int limit, Long after) {

    public static PageRequest of(PageParams params) {
        return new PageRequest(params.limit(), Cursors.decode(params.cursor(), 1, p -> Long.parseLong(p[0])));
    }

    /** Builds the page from up to {@code limit + 1} rows: the extra row only says that there is more. */
    public <T, V> Page<V> page(List<T> rows, ToLongFunction<T> seq, Function<T, V> view) {
        return Page.of(rows, limit, row -> Cursors.encode(seq.applyAsLong(row)), view);
    }
}
