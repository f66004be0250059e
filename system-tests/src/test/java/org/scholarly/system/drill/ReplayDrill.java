package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.stack.ServiceProcess;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill 5: both consumers of the citation loop (citation-service on the catalog's topic, catalog-service on the
 * citation topic) reset to offset 0 and replay everything; every count and summary must stay exactly as it was.
 */
@Tag("drill-ci")
class ReplayDrill {

    private static final int ARTICLES = 400;

    @Test
    void replayingBothTopicsFromOffsetZeroChangesNoCount() throws Exception {
        DrillCorpus corpus = new DrillCorpus("replay", ARTICLES);
        DrillLoad.bulk(corpus).awaitFinished(ARTICLES);
        DrillAudit.run("replay-before", corpus, ARTICLES, Instant.now());
        Map<String, Long> before = summaries(corpus);

        ServiceProcess citation = SystemStack.service("citation-service");
        ServiceProcess catalog = SystemStack.service("catalog-service");
        citation.stop();
        catalog.stop();
        KafkaProbe.resetToEarliest("citation-service", Topics.ARTICLE_EVENTS);
        KafkaProbe.resetToEarliest("catalog-service", Topics.CITATION_EVENTS);
        long replayed = KafkaProbe.lag("citation-service", Topics.ARTICLE_EVENTS);
        assertThat(replayed).as("events to replay").isGreaterThanOrEqualTo(ARTICLES);
        catalog.start();
        citation.start();
        catalog.awaitReady(Duration.ofMinutes(2));
        citation.awaitReady(Duration.ofMinutes(2));
        Instant faultEnded = Instant.now();

        DrillAudit.Figures figures = DrillAudit.run("replay", corpus, ARTICLES, faultEnded);
        assertThat(summaries(corpus)).as("every catalog summary after the replay").isEqualTo(before);
        System.out.println("DRILL replay: " + replayed + " catalog events replayed, " + figures.line());
    }

    private static Map<String, Long> summaries(DrillCorpus corpus) {
        Map<String, Long> summaries = new HashMap<>();
        for (JsonNode article : DrillAudit.catalogArticles(corpus).values()) {
            summaries.put(article.get("id").asText(), article.path("citationSummary").path("citedByCount").asLong(0));
        }
        return summaries;
    }
}
