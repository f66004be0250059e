package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.JsonNode;
import org.scholarly.system.Http;
import org.scholarly.system.SystemStack;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Load for the drills: a bulk ingest job, and ways to wait for it. */
final class DrillLoad {

    private final String jobUrl;

    private DrillLoad(String jobUrl) {
        this.jobUrl = jobUrl;
    }

    static DrillLoad bulk(DrillCorpus corpus) {
        Http.Response job = Http.post(SystemStack.catalog() + "/api/v1/ingest/jobs", SystemStack.token("ingest"),
                "application/x-ndjson", corpus.ndjson(0, corpus.size()));
        assertThat(job.status()).as(job.raw().body()).isEqualTo(202);
        return new DrillLoad(SystemStack.catalog() + "/api/v1/ingest/jobs/" + job.body().get("id").asText());
    }

    JsonNode status() {
        return Http.get(jobUrl, SystemStack.token("ingest")).body();
    }

    void awaitCreated(long atLeast) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> status().get("created").asLong() >= atLeast);
    }

    /** Waits for the job to end and returns how many articles it created (each one acknowledged by the catalog). */
    long awaitFinished(int expected) {
        JsonNode finished = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(this::status, j -> !"RUNNING".equals(j.get("state").asText()) && !"QUEUED".equals(j.get("state").asText()));
        assertThat(finished.get("state").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("created").asLong()).isEqualTo(expected);
        return finished.get("created").asLong();
    }
}
