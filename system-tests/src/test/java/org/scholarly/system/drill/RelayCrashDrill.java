package org.scholarly.system.drill;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.stack.ServiceProcess;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill 4: the catalog dies between publishing a batch of outbox rows and deleting them, so the whole batch goes
 * out a second time after the restart; consumers must absorb every duplicate.
 */
@Tag("drill-extended")
class RelayCrashDrill {

    private static final int ARTICLES = 200;

    @Test
    void absorbsEveryEventPublishedTwiceAfterARelayCrash() throws Exception {
        ServiceProcess catalog = SystemStack.service("catalog-service");
        int port = catalog.port();
        long duplicatesBefore = DrillAudit.duplicateEventIds(org.scholarly.contract.Topics.ARTICLE_EVENTS);

        // 1. Writes commit while no relay runs: their events wait in the outbox.
        catalog.stop();
        catalog = SystemStack.get().startService("catalog-service", "catalog-service", port, Map.of("SCHOLARLY_OUTBOX_ENABLED", "false"));
        catalog.awaitReady(Duration.ofMinutes(2));
        DrillCorpus corpus = new DrillCorpus("relay-crash", ARTICLES);
        long acknowledged = DrillLoad.bulk(corpus).awaitFinished(ARTICLES);
        assertThat(DrillAudit.metric(SystemStack.catalog(), "outbox_backlog")).isGreaterThanOrEqualTo(ARTICLES);

        // 2. The relay publishes the backlog and the process halts before it can delete the rows.
        catalog.stop();
        ServiceProcess crashing = SystemStack.get().startService("catalog-service", "catalog-service", port,
                Map.of("SCHOLARLY_OUTBOX_HALT_AFTER_PUBLISH_FOR_DRILL", "true"));
        await().atMost(Duration.ofMinutes(2)).until(() -> !crashing.isRunning());

        // 3. A normal restart publishes the same rows again.
        SystemStack.get().startService("catalog-service", "catalog-service", port, Map.of()).awaitReady(Duration.ofMinutes(2));
        Instant faultEnded = Instant.now();

        DrillAudit.Figures figures = DrillAudit.run("relay-crash", corpus, acknowledged, faultEnded);
        assertThat(figures.duplicatesOnTopic() - duplicatesBefore).as("events on the topic twice").isGreaterThanOrEqualTo(ARTICLES);
    }
}
