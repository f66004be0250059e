package org.scholarly.catalog.common;

import org.scholarly.support.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body up to a limit, counting the bytes actually read: Content-Length may be absent or wrong. */
public final class Bodies {

    private Bodies() {
    }

    public static byte[] readAtMost(InputStream body, Long contentLength, int limit) {
        if (contentLength != null && contentLength > limit) {
            throw ProblemException.tooLarge("The body has " + contentLength + " bytes; at most " + limit + " are accepted");
        }
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            int read;
            while ((read = body.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > limit) {
                    throw ProblemException.tooLarge("The body exceeds " + limit + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The body could not be read", e);
        }
        return out.toByteArray();
    }
}
