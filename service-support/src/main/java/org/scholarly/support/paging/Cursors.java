package org.scholarly.support.paging;

import org.scholarly.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one cursor codec: a keyset position (the sort values of the last row shown) joined by '|' and base64url
 * encoded. Opaque so that clients pass it back rather than build one; anything that does not decode to the
 * position its listing expects is the same 400 on every service.
 */
public final class Cursors {

    static final String MESSAGE = "is not a cursor this API handed out";

    private Cursors() {
    }

    public static String encode(Object... position) {
        String plain = Arrays.stream(position).map(String::valueOf).collect(Collectors.joining("|"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position in {@code cursor}, read by {@code reader} from exactly {@code parts} pieces; null without a
     * cursor. A reader that throws (a number or UUID that does not parse) makes it the same 400.
     */
    public static <T> T decode(String cursor, int parts, Function<String[], T> reader) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] position = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", -1);
            if (position.length == parts) {
                return reader.apply(position);
            }
        } catch (RuntimeException e) {
            // falls through to the one problem below
        }
        throw invalid();
    }

    public static ProblemException invalid() {
        return ProblemException.invalidField("cursor", MESSAGE);
    }
}
