package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.stack.ServiceProcess;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill 10: {@code kill -9} of the catalog in the middle of a bulk ingestion job, and a restart. The job must not stay
 * RUNNING: it resumes after its last committed batch and ends FINISHED with exact counters (every record counted
 * once), and every article of it is either fully there with its event applied downstream, or absent.
 */
@Tag("drill-extended")
class CatalogKillDrill {

    private static final int ARTICLES = 3_000;

    @Test
    void resumesABulkJobAfterTheCatalogIsKilledMidJob() throws Exception {
        DrillCorpus corpus = new DrillCorpus("catalog-kill", ARTICLES);
        DrillLoad load = DrillLoad.bulk(corpus);
        load.awaitCreated(600);

        ServiceProcess catalog = SystemStack.service("catalog-service");
        catalog.kill();
        Instant killed = Instant.now();
        catalog.start().awaitReady(Duration.ofMinutes(2));
        JsonNode afterRestart = load.status();
        System.out.printf("DRILL catalog-kill job after restart: state=%s total=%d created=%d (restart took %.1f s)%n",
                afterRestart.get("state").asText(), afterRestart.get("total").asLong(), afterRestart.get("created").asLong(),
                Duration.between(killed, Instant.now()).toMillis() / 1000.0);
        assertThat(afterRestart.get("created").asLong()).as("committed before the kill").isGreaterThanOrEqualTo(600);

        long acknowledged = load.awaitFinished(ARTICLES);
        JsonNode finished = load.status();
        assertThat(finished.get("total").asLong()).as("records counted once each").isEqualTo(ARTICLES);
        assertThat(finished.get("unchanged").asLong()).as("records applied a second time").isZero();
        assertThat(finished.get("rejected").asLong()).isZero();
        DrillAudit.run("catalog-kill", corpus, acknowledged, Instant.now(), Duration.ofMinutes(5));
    }
}
