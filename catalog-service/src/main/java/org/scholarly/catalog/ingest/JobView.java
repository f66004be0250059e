package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Progress of a job: {@code total} counts the records read so far; errors are capped, {@code rejected} is not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(UUID id, IngestJob.Format format, IngestJob.State state, long total, long created, long updated,
                      long unchanged, long rejected, List<RecordError> errors, String failure, String submittedBy,
                      OffsetDateTime submittedAt, OffsetDateTime finishedAt) {

    /** {@code line} is the NDJSON line, or the position of the work in a Crossref document. */
    public record RecordError(long line, String reason) {
    }
}
