package org.scholarly.catalog.ingest;

/** One record read from a job's body, or the reason it could not be read. */
public record SourceLine(long line, ArticleRecord record, String error) {

    public static SourceLine failed(long line, String error) {
        return new SourceLine(line, null, error);
    }
}
