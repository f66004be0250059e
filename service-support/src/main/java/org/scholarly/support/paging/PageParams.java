package org.scholarly.support.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code limit} and {@code cursor} query parameters of every listing ({@code @BeanParam}). The document shows
 * {@code limit} as the integer it is; the server reads it as text so that "abc" is a 400 (see {@link Paging}).
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page")
    String cursor;

    public PageParams() {
    }

    public PageParams(String limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public int limit() {
        return Paging.limit(limit);
    }

    /** Whether the client sent a limit or a cursor at all (an export that streams everything takes neither). */
    public boolean given() {
        return limit != null || cursor() != null;
    }

    /** The cursor as sent, null when absent or blank. */
    public String cursor() {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }
}
