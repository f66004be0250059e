package org.scholarly.catalog.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of one batch, bounded by count and by bytes of source: records of up to a megabyte each would
 * otherwise let a 500-record batch hold half a gigabyte. A record larger than the byte bound makes a batch alone.
 */
final class RecordBatch {

    private final int maxRecords;
    private final long maxBytes;
    private final List<SourceLine> lines = new ArrayList<>();
    private long bytes;

    RecordBatch(int maxRecords, long maxBytes) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /** Whether {@code line} must go into the next batch: this one is not empty and would grow past its bytes. */
    boolean wouldOverflow(SourceLine line) {
        return !lines.isEmpty() && bytes + line.bytes() > maxBytes;
    }

    void add(SourceLine line) {
        lines.add(line);
        bytes += line.bytes();
    }

    boolean isFull() {
        return lines.size() >= maxRecords || bytes >= maxBytes;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<SourceLine> lines() {
        return lines;
    }

    long bytes() {
        return bytes;
    }

    void clear() {
        lines.clear();
        bytes = 0;
    }
}
