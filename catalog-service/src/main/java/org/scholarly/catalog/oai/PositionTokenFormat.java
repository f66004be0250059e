package org.scholarly.catalog.oai;

import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.services.api.ResumptionTokenFormat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Resumption tokens that carry everything needed to go on, so that the service keeps no harvest state and any
 * instance answers any token. For ListIdentifiers and ListRecords a token is a position, not an offset: {@code from}
 * holds the exact change time of the last record handed out (to the microsecond, as PostgreSQL stores it) and
 * {@code offset} that record's harvest key (see {@link HarvestLists}); ListSets keeps the library's offsets.
 * <p>
 * Format: base64url of {@code v1|offset|from|until|set|prefix}, times in epoch microseconds, absent parts empty.
 * Anything else is a badResumptionToken. A token never expires: the position stays meaningful however much is
 * written later. A forged token can only name another position among public records.
 */
final class PositionTokenFormat implements ResumptionTokenFormat {

    private static final String VERSION = "v1";

    @Override
    public ResumptionTokenFormat withGranularity(Granularity granularity) {
        // Positions are exact whatever granularity the repository announces.
        return this;
    }

    @Override
    public String format(ResumptionToken.Value value) {
        String text = String.join("|", VERSION,
                value.hasOffset() ? Long.toString(value.getOffset()) : "",
                micros(value.getFrom()), micros(value.getUntil()),
                value.hasSetSpec() ? value.getSetSpec() : "",
                value.hasMetadataPrefix() ? value.getMetadataPrefix() : "");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ResumptionToken.Value parse(String token) throws BadResumptionTokenException {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadResumptionTokenException("The resumption token is not one this repository issued");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            throw new BadResumptionTokenException("The resumption token is not one this repository issued");
        }
        try {
            ResumptionToken.ValueBuilder builder = new ResumptionToken.ValueBuilder();
            if (!parts[1].isEmpty()) {
                long offset = Long.parseLong(parts[1]);
                if (offset < 0) {
                    throw new NumberFormatException("negative");
                }
                builder.withOffset(offset);
            }
            if (!parts[2].isEmpty()) {
                builder.withFrom(instant(parts[2]));
            }
            if (!parts[3].isEmpty()) {
                builder.withUntil(instant(parts[3]));
            }
            if (!parts[4].isEmpty()) {
                builder.withSetSpec(parts[4]);
            }
            if (!parts[5].isEmpty()) {
                builder.withMetadataPrefix(parts[5]);
            }
            return builder.build();
        } catch (RuntimeException e) {
            throw new BadResumptionTokenException("The resumption token is not one this repository issued");
        }
    }

    private static String micros(Instant instant) {
        return instant == null ? "" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static Instant instant(String micros) {
        return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
    }
}
