package org.scholarly.system.drill;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill 3: PostgreSQL restarted under the citation-service while it works off a backlog of catalog events. */
@Tag("drill-extended")
class PostgresRestartDrill {

    private static final int ARTICLES = 3_000;

    @Test
    void losesAndDoublesNothingWhenTheDatabaseRestartsUnderTheConsumer() throws Exception {
        DrillCorpus corpus = new DrillCorpus("postgres-restart", ARTICLES);
        long acknowledged = DrillLoad.bulk(corpus).awaitFinished(ARTICLES);
        long lag = KafkaProbe.lag("citation-service", Topics.ARTICLE_EVENTS);
        assertThat(lag).as("the citation-service still has catalog events to consume").isPositive();

        SystemStack.get().restartPostgres();
        Instant faultEnded = Instant.now();
        System.out.println("DRILL postgres-restart: restarted with " + lag + " events still to consume");

        DrillAudit.run("postgres-restart", corpus, acknowledged, faultEnded, Duration.ofMinutes(5));
    }
}
