package org.scholarly.catalog.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything about the catalog that an operator may tune. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Ingest ingest();

    Export export();

    /** Listings exported as BibTeX, RIS or NDJSON (GET /api/v1/articles with one of those types in Accept). */
    interface Export {
        /**
         * Articles in one export. A filter that matches more is refused with 400 before anything is written, so a
         * client never receives a silently truncated file; it narrows the filter instead.
         */
        @WithDefault("10000")
        int maxArticles();

        /** Articles read per query while an export streams; each batch is its own short read transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Ingest {
        /** Largest single article body, and largest NDJSON line or Crossref item, in bytes. */
        @WithDefault("1048576")
        int maxRecordBytes();

        /** Records per transaction in bulk jobs. */
        @WithDefault("500")
        int batchSize();

        /** Per-record errors stored per job; all of them are counted. */
        @WithDefault("1000")
        int maxStoredErrors();

        /**
         * Bytes of records held by one batch: a batch closes at {@code batch-size} records or at this many bytes of
         * source, whichever comes first (a single record larger than this still makes a batch of its own).
         */
        @WithDefault("8388608")
        int maxBatchBytes();

        /**
         * Spooled bodies of queued and running jobs, all instances together. A job that would not fit now is
         * refused with 429 and Retry-After; one larger than the whole spool with 413.
         */
        @WithDefault("1073741824")
        long maxSpoolBytes();

        /** Times a job may be found interrupted (its process died while running it) before it is given up. */
        @WithDefault("3")
        int maxInterruptedRuns();

        /** How often idle workers look for queued jobs, including ones accepted by other instances. */
        @WithDefault("2s")
        java.time.Duration pollInterval();

        /** Jobs running at the same time in this instance; 0 makes an instance that accepts jobs but runs none. */
        @WithDefault("2")
        int workers();
    }
}
