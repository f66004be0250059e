package org.scholarly.system.drill;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.stack.Ports;
import org.scholarly.stack.ServiceProcess;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Drill 2: {@code kill -9} of the citation-service mid-stream and a restart; then a second instance joins the
 * consumer group and leaves again while events still flow.
 */
@Tag("drill-extended")
class CitationKillDrill {

    private static final int ARTICLES = 3_000;

    @Test
    void losesAndDoublesNothingWhenTheConsumerIsKilledAndTheGroupRebalances() throws Exception {
        DrillCorpus corpus = new DrillCorpus("citation-kill", ARTICLES);
        DrillLoad load = DrillLoad.bulk(corpus);
        long committedBefore = KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS) > committedBefore + 300);

        ServiceProcess citation = SystemStack.service("citation-service");
        citation.kill();
        citation.start().awaitReady(Duration.ofMinutes(2));

        ServiceProcess second = SystemStack.get().startService("citation-service", "citation-service-drill", Ports.free(), Map.of());
        second.awaitReady(Duration.ofMinutes(2));
        long committedWithTwo = KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> KafkaProbe.committed("citation-service", Topics.ARTICLE_EVENTS) > committedWithTwo + 200);
        second.stop();

        long acknowledged = load.awaitFinished(ARTICLES);
        DrillAudit.run("citation-kill", corpus, acknowledged, Instant.now(), Duration.ofMinutes(5));
    }
}
