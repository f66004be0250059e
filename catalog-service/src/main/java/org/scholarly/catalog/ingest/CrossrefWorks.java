package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams a Crossref REST API answer: {@code {"message": {work}}} or {@code {"message": {"items": [work, ...]}}}.
 * Each work's size is measured on its bytes while they are read, before anything is parsed: a work over the limit
 * (the single-work {@code message} form included) is a per-record error and never held in memory whole, so a page
 * of any size passes in constant memory. A work is numbered by its position (1-based); that number is its "line"
 * in the job's errors.
 */
public final class CrossrefWorks {

    private final ObjectMapper mapper;
    private final int maxWorkBytes;

    public CrossrefWorks(ObjectMapper mapper, int maxWorkBytes) {
        this.mapper = mapper;
        this.maxWorkBytes = maxWorkBytes;
    }

    public void read(InputStream in, Consumer<SourceLine> sink) throws IOException {
        read(in, 0, sink);
    }

    /**
     * @param skip works already applied by an earlier run of the job: they are scanned past without being parsed
     */
    public void read(InputStream in, long skip, Consumer<SourceLine> sink) throws IOException {
        JsonBytes json = new JsonBytes(in);
        json.expect('{');
        boolean sawMessage = false;
        if (json.next() == '}') {
            json.read();
        } else {
            do {
                String field = key(json);
                json.expect(':');
                if ("message".equals(field) && json.next() == '{') {
                    sawMessage = true;
                    readMessage(json, skip, sink);
                } else {
                    json.value(0);
                }
            } while (moreMembers(json, '}'));
        }
        if (!sawMessage) {
            throw new IOException("no message object in the Crossref answer");
        }
    }

    private void readMessage(JsonBytes json, long skip, Consumer<SourceLine> sink) throws IOException {
        // Until "items" shows up, the message may be a single work: its fields are kept, within the work limit.
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        single.write('{');
        boolean singleTooLarge = false;
        boolean sawItems = false;
        json.expect('{');
        if (json.next() == '}') {
            json.read();
        } else {
            do {
                JsonBytes.Value rawKey = json.value(maxWorkBytes);
                String field = rawKey.fits() ? keyText(rawKey.bytes()) : null;
                json.expect(':');
                if ("items".equals(field) && json.next() == '[') {
                    sawItems = true;
                    readItems(json, skip, sink);
                    continue;
                }
                if (sawItems || singleTooLarge) {
                    json.value(0);
                    continue;
                }
                long room = maxWorkBytes - single.size() - 2L;
                JsonBytes.Value value = json.value(Math.max(0, room - rawKey.size()));
                if (!rawKey.fits() || !value.fits()) {
                    singleTooLarge = true;
                    single = null;
                    continue;
                }
                if (single.size() > 1) {
                    single.write(',');
                }
                single.write(rawKey.bytes());
                single.write(':');
                single.write(value.bytes());
            } while (moreMembers(json, '}'));
        }
        if (!sawItems && skip < 1) {
            if (singleTooLarge) {
                sink.accept(SourceLine.failed(1, "work is larger than " + maxWorkBytes + " bytes"));
            } else {
                single.write('}');
                sink.accept(map(1, single.toByteArray()));
            }
        }
    }

    private void readItems(JsonBytes json, long skip, Consumer<SourceLine> sink) throws IOException {
        json.expect('[');
        if (json.next() == ']') {
            json.read();
            return;
        }
        long position = 0;
        do {
            position++;
            boolean wanted = position > skip;
            JsonBytes.Value work = json.value(wanted ? maxWorkBytes : 0);
            if (wanted) {
                sink.accept(work.fits() ? map(position, work.bytes())
                        : SourceLine.failed(position, "work is larger than " + maxWorkBytes + " bytes"));
            }
        } while (moreMembers(json, ']'));
    }

    private static boolean moreMembers(JsonBytes json, char close) throws IOException {
        int b = json.next();
        json.read();
        if (b == ',') {
            return true;
        }
        if (b == close) {
            return false;
        }
        throw JsonBytes.malformed("expected ',' or '" + close + "' but found " + (b == -1 ? "the end of the document" : "'" + (char) b + "'"));
    }

    /** A field name; one longer than a work may be is no name this reader looks for. */
    private String key(JsonBytes json) throws IOException {
        JsonBytes.Value raw = json.value(maxWorkBytes);
        return raw.fits() ? keyText(raw.bytes()) : null;
    }

    private String keyText(byte[] raw) throws IOException {
        if (raw.length < 2 || raw[0] != '"') {
            throw JsonBytes.malformed("a field name must be a string");
        }
        return mapper.readValue(raw, String.class);
    }

    private SourceLine map(long position, byte[] bytes) {
        JsonNode work;
        try {
            work = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return SourceLine.failed(position, JsonErrors.describe(e));
        } catch (IOException e) {
            return SourceLine.failed(position, "unreadable: " + e.getMessage());
        }
        if (work == null || !work.isObject()) {
            return SourceLine.failed(position, "a work must be a JSON object");
        }
        try {
            return SourceLine.read(position, CrossrefMapping.toRecord(work), bytes.length);
        } catch (RuntimeException e) {
            // One work that cannot be mapped (an impossible date, an absurd value) costs only itself.
            return SourceLine.failed(position, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
