package org.scholarly.system.drill;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/** Drill 1: {@code kill -9} of the Kafka broker in the middle of a 10,000-article bulk ingest, back 5 s later. */
@Tag("drill-ci")
class BrokerKillDrill {

    private static final int ARTICLES = 10_000;

    @Test
    void losesAndDoublesNothingWhenTheBrokerIsKilledMidIngest() throws Exception {
        DrillCorpus corpus = new DrillCorpus("broker-kill", ARTICLES);
        DrillLoad load = DrillLoad.bulk(corpus);
        // Mid-flight: some articles written and published, most still to come.
        load.awaitCreated(1_500);
        long committedBefore = KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS);
        SystemStack.get().killAndRestartKafka(Duration.ofSeconds(5));
        Instant brokerBack = Instant.now();
        // Within the recovery bound the consumer is working again: its committed offsets move past the fault.
        await().atMost(DrillAudit.RECOVERY_LIMIT).pollInterval(Duration.ofMillis(250))
                .until(() -> KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS) > committedBefore);
        double resumedSeconds = Duration.between(brokerBack, Instant.now()).toMillis() / 1000.0;

        long acknowledged = load.awaitFinished(ARTICLES);
        Instant faultEnded = Instant.now();

        // The load outlasts the fault: the backlog the catalog built up while the broker was away is worked off after.
        DrillAudit.Figures figures = DrillAudit.run("broker-kill", corpus, acknowledged, faultEnded,
                Duration.ofMinutes(5));
        System.out.printf("DRILL broker-kill: consumption resumed %.1f s after the broker came back; %s%n", resumedSeconds, figures.line());
    }
}
