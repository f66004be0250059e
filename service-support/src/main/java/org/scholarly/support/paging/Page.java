package org.scholarly.support.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, the same shape on every service. {@code nextCursor} is left out of the JSON on the last
 * page (not sent as null), so "has more" is "has the field", as the document says.
 */
@Schema(description = "One page of a listing; nextCursor is absent on the last page")
public record Page<T>(
        @Schema(required = true) List<T> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page") String nextCursor) {

    /**
     * The page from up to {@code limit + 1} rows read in keyset order: the extra row only says that there is more,
     * and the last row shown gives the cursor.
     */
    public static <R, V> Page<V> of(List<R> rows, int limit, Function<R, String> cursorOf, Function<R, V> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
