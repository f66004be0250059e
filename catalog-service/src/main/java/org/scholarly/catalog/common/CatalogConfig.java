package org.scholarly.catalog.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything about the catalog that an operator may tune. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Ingest ingest();

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

        /** Jobs running at the same time; more wait in line. */
        @WithDefault("2")
        int workers();
    }
}
