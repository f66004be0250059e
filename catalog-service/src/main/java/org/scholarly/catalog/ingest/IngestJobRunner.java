package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.scholarly.catalog.common.CatalogConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs jobs from their spooled body: reads records one at a time, writes them a batch per transaction. A batch
 * that fails as a whole (say, a record that collides with a concurrent writer) is split and retried record by
 * record, so one bad record costs only itself.
 *
 * <p>Workers claim jobs from the database (see {@link JobClaims}), so a job accepted before a restart, or by another
 * instance, is run as well: at startup every queued job starts and every job left RUNNING by a process that died
 * resumes after the last batch it committed ({@code total} records are skipped, not applied again). A job found
 * interrupted more than {@code max-interrupted-runs} times, or whose body is gone, ends FAILED with the reason.
 */
@ApplicationScoped
public class IngestJobRunner {

    private static final Logger LOG = Logger.getLogger(IngestJobRunner.class);

    @Inject
    IngestJobService jobs;
    @Inject
    JobClaims claims;
    @Inject
    JobSpool spool;
    @Inject
    CatalogConfig config;
    @Inject
    ObjectMapper mapper;

    private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        int orphans = spool.deleteOrphans();
        if (orphans > 0) {
            LOG.infof("Deleted %d spool chunks of ended ingestion jobs", orphans);
        }
        for (int i = 0; i < config.ingest().workers(); i++) {
            Thread worker = new Thread(this::work, "ingest-job-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** Between two batches each running job goes back to QUEUED, so that the next start takes it up again. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        wakeUp.release(workers.size());
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** A job was accepted here: an idle worker takes it now rather than at its next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void work() {
        while (!stopping) {
            Optional<JobClaims.Claim> claim = Optional.empty();
            try {
                claim = claims.claimNext(runningHere);
            } catch (RuntimeException e) {
                LOG.warnf("Could not claim an ingestion job: %s", e.getMessage());
            }
            if (claim.isPresent()) {
                run(claim.get());
                continue;
            }
            try {
                wakeUp.tryAcquire(config.ingest().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(JobClaims.Claim claim) {
        UUID jobId = claim.jobId();
        runningHere.add(jobId);
        try (claim) {
            String refusal = refusal(claim);
            if (refusal != null) {
                LOG.warnf("Ingestion job %s %s", jobId, refusal);
                jobs.finish(jobId, claim.runToken(), refusal);
                return;
            }
            if (claim.interruptedRuns() > 0 || claim.alreadyRead() > 0) {
                LOG.infof("Resuming ingestion job %s after %d records", jobId, claim.alreadyRead());
            }
            Progress progress = new Progress(claim);
            String failure = null;
            try (InputStream in = spool.open(jobId)) {
                int limit = config.ingest().maxRecordBytes();
                if (claim.format() == IngestJob.Format.CROSSREF) {
                    new CrossrefWorks(mapper, limit).read(in, claim.alreadyRead(), progress::add);
                } else {
                    new NdjsonRecords(mapper, limit).read(in, claim.alreadyRead(), progress::add);
                }
                progress.flush();
            } catch (Stopping e) {
                jobs.requeue(jobId, claim.runToken());
                LOG.infof("Ingestion job %s stopped with this instance after %d records; it resumes at the next start",
                        jobId, progress.read);
                return;
            } catch (IngestJobService.RunLostException e) {
                LOG.warnf("Ingestion job %s: %s; leaving it to its current run", jobId, e.getMessage());
                return;
            } catch (IOException | RuntimeException e) {
                // Batches before the failure stay committed and counted; the job says where it stopped.
                failure = "stopped after " + progress.read + " records: " + e.getMessage();
                LOG.warnf("Ingestion job %s %s", jobId, failure);
            }
            jobs.finish(jobId, claim.runToken(), failure);
        } catch (IngestJobService.RunLostException e) {
            LOG.warnf("Ingestion job %s: %s", jobId, e.getMessage());
        } catch (RuntimeException e) {
            // The database went away, say: the job stays as it is and is claimed again once it can be.
            LOG.warnf("Ingestion job %s could not go on: %s", jobId, e.getMessage());
        } finally {
            runningHere.remove(jobId);
        }
    }

    /** Why a claimed job cannot run at all, or null. */
    private String refusal(JobClaims.Claim claim) {
        if (claim.spoolBytes() == null) {
            return "was accepted before job bodies were kept in the database; its body is gone, submit it again";
        }
        if (claim.interruptedRuns() > config.ingest().maxInterruptedRuns()) {
            return "given up after " + claim.interruptedRuns() + " interrupted runs (the process stopped each time while running it; "
                    + "catalog.ingest.max-interrupted-runs) after " + claim.alreadyRead() + " records";
        }
        long stored = spool.storedBytes(claim.jobId());
        if (stored != claim.spoolBytes()) {
            return "its spooled body is incomplete (" + stored + " of " + claim.spoolBytes() + " bytes); submit it again";
        }
        return null;
    }

    /** The instance is stopping: the job ends its run between two batches. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("the instance is stopping", null, false, false);
        }
    }

    private final class Progress {
        private final UUID jobId;
        private final UUID runToken;
        private final String actor;
        private final RecordBatch batch = new RecordBatch(config.ingest().batchSize(), config.ingest().maxBatchBytes());
        private long read;
        private long errorsStored;

        Progress(JobClaims.Claim claim) {
            this.jobId = claim.jobId();
            this.runToken = claim.runToken();
            this.actor = claim.submittedBy();
            // A resumed job already stored some errors: the cap is per job, not per run.
            this.errorsStored = jobs.storedErrors(jobId);
        }

        /** A batch closes at batch-size records or max-batch-bytes of source, whichever comes first. */
        void add(SourceLine line) {
            if (batch.wouldOverflow(line)) {
                flush();
            }
            read++;
            batch.add(line);
            if (batch.isFull()) {
                flush();
            }
        }

        void flush() {
            if (stopping) {
                throw new Stopping();
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                record(jobs.writeBatch(jobId, runToken, batch.lines(), actor, remainingErrors()));
            } catch (IngestJobService.RunLostException lost) {
                throw lost;
            } catch (RuntimeException batchFailure) {
                LOG.debugf("Batch of job %s failed as a whole (%s); writing its records one by one", jobId, batchFailure.getMessage());
                for (SourceLine line : batch.lines()) {
                    try {
                        record(jobs.writeBatch(jobId, runToken, List.of(line), actor, remainingErrors()));
                    } catch (IngestJobService.RunLostException lost) {
                        throw lost;
                    } catch (RuntimeException e) {
                        String reason = "could not be stored: " + rootMessage(e);
                        record(jobs.rejectAll(jobId, runToken, List.of(new JobView.RecordError(line.line(), reason)), remainingErrors()));
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
