package org.scholarly.catalog.ingest;

/**
 * One record read from a job's body, or the reason it could not be read; {@code bytes} is the size of its source,
 * which bounds a batch by bytes as well as by count.
 */
public record SourceLine(long line, ArticleRecord record, String error, long bytes) {

    public static SourceLine read(long line, ArticleRecord record, long bytes) {
        return new SourceLine(line, record, null, bytes);
    }

    public static SourceLine failed(long line, String error) {
        return new SourceLine(line, null, error, 0);
    }
}
