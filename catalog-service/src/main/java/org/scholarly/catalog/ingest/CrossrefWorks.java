package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams a Crossref REST API answer: {@code {"message": {work}}} or {@code {"message": {"items": [work, ...]}}}.
 * The parser holds one work at a time, so a page of any size passes in constant memory. A work is numbered by
 * its position (1-based); that number is its "line" in the job's errors.
 */
public final class CrossrefWorks {

    private final ObjectMapper mapper;
    private final int maxWorkBytes;

    public CrossrefWorks(ObjectMapper mapper, int maxWorkBytes) {
        this.mapper = mapper;
        this.maxWorkBytes = maxWorkBytes;
    }

    public void read(InputStream in, Consumer<SourceLine> sink) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a Crossref answer is a JSON object with a message");
            }
            boolean sawMessage = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("message".equals(field) && value == JsonToken.START_OBJECT) {
                    sawMessage = true;
                    readMessage(parser, sink);
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawMessage) {
                throw new IOException("no message object in the Crossref answer");
            }
        }
    }

    private void readMessage(JsonParser parser, Consumer<SourceLine> sink) throws IOException {
        ObjectNode single = mapper.createObjectNode();
        boolean sawItems = false;
        long position = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                sawItems = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    position++;
                    long start = parser.currentTokenLocation().getByteOffset();
                    JsonNode work = parser.readValueAsTree();
                    long size = parser.currentLocation().getByteOffset() - start;
                    sink.accept(size > maxWorkBytes
                            ? SourceLine.failed(position, "work is larger than " + maxWorkBytes + " bytes")
                            : map(position, work));
                }
            } else {
                single.set(field, parser.readValueAsTree());
            }
        }
        if (!sawItems) {
            sink.accept(map(1, single));
        }
    }

    private static SourceLine map(long position, JsonNode work) {
        try {
            return new SourceLine(position, CrossrefMapping.toRecord(work), null);
        } catch (IllegalArgumentException e) {
            return SourceLine.failed(position, e.getMessage());
        }
    }
}
