package org.scholarly.catalog.common;

import org.scholarly.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position (created_at, id) in a newest-first listing. New rows sort before every cursor already
 * handed out, so paging stays correct while rows arrive; an offset would shift instead.
 */
public record Cursor(OffsetDateTime createdAt, UUID id) {

    public String encode() {
        Instant instant = createdAt.toInstant();
        String plain = instant.getEpochSecond() + "." + instant.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 2);
            String[] time = parts[0].split("\\.", 2);
            Instant instant = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            return new Cursor(instant.atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service handed out");
        }
    }
}
