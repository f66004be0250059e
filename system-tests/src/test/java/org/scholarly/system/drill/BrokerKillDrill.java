package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.system.Http;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drill 1: {@code kill -9} of the Kafka broker in the middle of a 10,000-article bulk ingest, back 5 s later. */
@Tag("drill-ci")
class BrokerKillDrill {

    private static final int ARTICLES = 10_000;

    @Test
    void losesAndDoublesNothingWhenTheBrokerIsKilledMidIngest() throws Exception {
        DrillCorpus corpus = new DrillCorpus("broker-kill", ARTICLES);
        Http.Response job = Http.post(SystemStack.catalog() + "/api/v1/ingest/jobs", SystemStack.token("ingest"),
                "application/x-ndjson", corpus.ndjson(0, ARTICLES));
        assertThat(job.status()).as(job.raw().body()).isEqualTo(202);
        String jobUrl = SystemStack.catalog() + "/api/v1/ingest/jobs/" + job.body().get("id").asText();

        // Mid-flight: some articles written and published, most still to come.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(jobUrl, SystemStack.token("ingest")).body().get("created").asLong() >= 1_500);
        long committedBefore = KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS);
        SystemStack.get().killAndRestartKafka(Duration.ofSeconds(5));
        Instant brokerBack = Instant.now();
        // Within the recovery bound the consumer is working again: its committed offsets move past the fault.
        await().atMost(DrillAudit.RECOVERY_LIMIT).pollInterval(Duration.ofMillis(250))
                .until(() -> KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS) > committedBefore);
        double resumedSeconds = Duration.between(brokerBack, Instant.now()).toMillis() / 1000.0;

        JsonNode finished = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(jobUrl, SystemStack.token("ingest")).body(), j -> !"RUNNING".equals(j.get("state").asText()));
        Instant faultEnded = Instant.now();
        assertThat(finished.get("state").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("created").asLong()).isEqualTo(ARTICLES);
        assertThat(finished.get("rejected").asLong()).isZero();

        // The load outlasts the fault: the backlog the catalog built up while the broker was away is worked off after.
        DrillAudit.Figures figures = DrillAudit.run("broker-kill", corpus, finished.get("created").asLong(), faultEnded,
                Duration.ofMinutes(5));
        System.out.printf("DRILL broker-kill: consumption resumed %.1f s after the broker came back; %s%n", resumedSeconds, figures.line());
    }
}
