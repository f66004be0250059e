package org.scholarly.catalog.common;

import org.scholarly.support.paging.Cursors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A keyset position (created_at, id) in a newest-first listing, carried in service-support's cursor. New rows sort
 * before every cursor already handed out, so paging stays correct while rows arrive; an offset would shift instead.
 */
public record Cursor(OffsetDateTime createdAt, UUID id) {

    public String encode() {
        Instant instant = createdAt.toInstant();
        return Cursors.encode(instant.getEpochSecond(), instant.getNano(), id);
    }

    /** Null without a cursor; service-support's one 400 for anything that is not a cursor of this listing. */
    public static Cursor decode(String token) {
        return Cursors.decode(token, 3, p -> new Cursor(
                Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])).atOffset(ZoneOffset.UTC), UUID.fromString(p[2])));
    }
}
