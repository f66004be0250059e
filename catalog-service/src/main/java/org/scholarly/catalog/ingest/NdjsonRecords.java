package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads native records, one JSON object per line, holding at most one line in memory. A line longer than the limit
 * is skipped to its end and reported, never buffered whole. Blank lines are not records.
 */
public final class NdjsonRecords {

    private final ObjectMapper mapper;
    private final int maxLineBytes;

    public NdjsonRecords(ObjectMapper mapper, int maxLineBytes) {
        this.mapper = mapper;
        this.maxLineBytes = maxLineBytes;
    }

    public void read(InputStream input, Consumer<SourceLine> sink) throws IOException {
        read(input, 0, sink);
    }

    /**
     * @param skip records already applied by an earlier run of the job: they are passed over without being parsed
     */
    public void read(InputStream input, long skip, Consumer<SourceLine> sink) throws IOException {
        InputStream in = new BufferedInputStream(input, 64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long number = 0;
        long records = 0;
        long lineBytes = 0;
        boolean tooLong = false;
        boolean content = false;
        int b;
        while (true) {
            b = in.read();
            if (b == '\n' || b == -1) {
                if (b == -1 && line.size() == 0 && !tooLong && !content) {
                    return;
                }
                number++;
                if (tooLong || content) {
                    records++;
                }
                if (records > skip) {
                    if (tooLong) {
                        sink.accept(SourceLine.failed(number, "line is longer than " + maxLineBytes + " bytes"));
                    } else if (content) {
                        sink.accept(parse(number, line.toByteArray()));
                    }
                }
                line.reset();
                lineBytes = 0;
                tooLong = false;
                content = false;
                if (b == -1) {
                    return;
                }
                continue;
            }
            if (tooLong) {
                continue;
            }
            if (lineBytes >= maxLineBytes) {
                tooLong = true;
                line.reset();
                continue;
            }
            if (!content && !Character.isWhitespace(b)) {
                content = true;
            }
            lineBytes++;
            if (records >= skip) {
                line.write(b);
            }
        }
    }

    private SourceLine parse(long number, byte[] bytes) {
        try {
            ArticleRecord record = mapper.readValue(bytes, ArticleRecord.class);
            return SourceLine.read(number, record, bytes.length);
        } catch (JsonProcessingException e) {
            return SourceLine.failed(number, JsonErrors.describe(e));
        } catch (IOException e) {
            return SourceLine.failed(number, "unreadable: " + e.getMessage());
        }
    }
}
