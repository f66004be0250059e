package org.scholarly.catalog.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The structure of a JSON document read byte by byte: where each value begins and ends, its size, and its bytes
 * only while they stay within a limit. Nothing is parsed into a tree or a string until the caller has seen that it
 * is small enough, so a value of any size (a work, a single string of a gigabyte) passes in constant memory. The
 * values it hands back are checked by a real JSON parser afterwards; this class only needs to find their ends.
 */
final class JsonBytes {

    /** A value's size, and its bytes if they fit the limit it was read with. */
    record Value(long size, byte[] bytes) {
        boolean fits() {
            return bytes != null;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int end;

    JsonBytes(InputStream in) {
        this.in = in;
    }

    int peek() throws IOException {
        if (position == end) {
            end = in.read(buffer, 0, buffer.length);
            position = 0;
            if (end <= 0) {
                end = 0;
                return -1;
            }
        }
        return buffer[position] & 0xff;
    }

    int read() throws IOException {
        int b = peek();
        if (b != -1) {
            position++;
        }
        return b;
    }

    /** Skips whitespace and returns the next byte without consuming it (-1 at the end). */
    int next() throws IOException {
        int b = peek();
        while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            position++;
            b = peek();
        }
        return b;
    }

    void expect(char expected) throws IOException {
        int b = next();
        if (b != expected) {
            throw malformed("expected '" + expected + "' but found " + describe(b));
        }
        position++;
    }

    /**
     * Reads the value that starts here. Its bytes are kept while they number at most {@code limit}; beyond that they
     * are dropped and the rest of the value is only scanned to its end.
     */
    Value value(long limit) throws IOException {
        Copy copy = new Copy(limit);
        int first = next();
        if (first == -1) {
            throw malformed("the document ends where a value was expected");
        }
        if (first == '"') {
            string(copy);
        } else if (first == '{' || first == '[') {
            container(copy);
        } else {
            scalar(copy);
        }
        return copy.value();
    }

    private void string(Copy copy) throws IOException {
        copy.take(read());
        boolean escaped = false;
        while (true) {
            int b = read();
            if (b == -1) {
                throw malformed("the document ends inside a string");
            }
            copy.take(b);
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                return;
            }
        }
    }

    private void container(Copy copy) throws IOException {
        int depth = 0;
        do {
            int b = peek();
            if (b == -1) {
                throw malformed("the document ends inside an object or array");
            }
            if (b == '"') {
                string(copy);
                continue;
            }
            position++;
            copy.take(b);
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private void scalar(Copy copy) throws IOException {
        while (true) {
            int b = peek();
            if (b == -1 || b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                return;
            }
            position++;
            copy.take(b);
        }
    }

    static IOException malformed(String detail) {
        return new IOException("malformed JSON: " + detail);
    }

    private static String describe(int b) {
        return b == -1 ? "the end of the document" : "'" + (char) b + "'";
    }

    private static final class Copy {
        private final long limit;
        private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long size;

        Copy(long limit) {
            this.limit = limit;
        }

        void take(int b) {
            size++;
            if (bytes != null) {
                if (size > limit) {
                    bytes = null;
                } else {
                    bytes.write(b);
                }
            }
        }

        Value value() {
            return new Value(size, bytes == null ? null : bytes.toByteArray());
        }
    }
}
