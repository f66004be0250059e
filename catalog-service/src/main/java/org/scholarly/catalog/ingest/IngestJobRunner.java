package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.scholarly.catalog.common.CatalogConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs jobs in the background from their spooled body: reads records one at a time, writes them a batch per
 * transaction. A batch that fails as a whole (say, a record that collides with a concurrent writer) is split and
 * retried record by record, so one bad record costs only itself.
 */
@ApplicationScoped
public class IngestJobRunner {

    private static final Logger LOG = Logger.getLogger(IngestJobRunner.class);

    @Inject
    IngestJobService jobs;
    @Inject
    CatalogConfig config;
    @Inject
    ObjectMapper mapper;

    private ExecutorService executor;

    @PostConstruct
    void start() {
        executor = Executors.newFixedThreadPool(config.ingest().workers(), r -> {
            Thread thread = new Thread(r, "ingest-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    public void submit(UUID jobId, IngestJob.Format format, Path body, String actor) {
        executor.execute(() -> run(jobId, format, body, actor));
    }

    private void run(UUID jobId, IngestJob.Format format, Path body, String actor) {
        Progress progress = new Progress(jobId, actor);
        String failure = null;
        try (InputStream in = Files.newInputStream(body)) {
            int limit = config.ingest().maxRecordBytes();
            if (format == IngestJob.Format.CROSSREF) {
                new CrossrefWorks(mapper, limit).read(in, progress::add);
            } else {
                new NdjsonRecords(mapper, limit).read(in, progress::add);
            }
            progress.flush();
        } catch (IOException | RuntimeException e) {
            // Batches before the failure stay committed and counted; the job says where it stopped.
            failure = "stopped after " + progress.read + " records: " + e.getMessage();
            LOG.warnf("Ingestion job %s %s", jobId, failure);
        } finally {
            try {
                Files.deleteIfExists(body);
            } catch (IOException e) {
                LOG.warnf("Could not delete the spooled body of job %s: %s", jobId, e.getMessage());
            }
        }
        jobs.finish(jobId, failure);
    }

    private final class Progress {
        private final UUID jobId;
        private final String actor;
        private final List<SourceLine> batch = new ArrayList<>();
        private long read;
        private long errorsStored;

        Progress(UUID jobId, String actor) {
            this.jobId = jobId;
            this.actor = actor;
        }

        void add(SourceLine line) {
            read++;
            batch.add(line);
            if (batch.size() >= config.ingest().batchSize()) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                record(jobs.writeBatch(jobId, batch, actor, remainingErrors()));
            } catch (RuntimeException batchFailure) {
                LOG.debugf("Batch of job %s failed as a whole (%s); writing its records one by one", jobId, batchFailure.getMessage());
                for (SourceLine line : batch) {
                    try {
                        record(jobs.writeBatch(jobId, List.of(line), actor, remainingErrors()));
                    } catch (RuntimeException e) {
                        String reason = "could not be stored: " + rootMessage(e);
                        record(jobs.rejectAll(jobId, List.of(new JobView.RecordError(line.line(), reason)), remainingErrors()));
                    }
                }
            }
            batch.clear();
        }

        private void record(IngestJobService.Tally tally) {
            errorsStored += tally.errors().size();
        }

        private int remainingErrors() {
            return (int) Math.max(0, config.ingest().maxStoredErrors() - errorsStored);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().split("\n", 2)[0];
    }
}
