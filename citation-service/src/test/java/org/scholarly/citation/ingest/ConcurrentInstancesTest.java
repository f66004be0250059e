package org.scholarly.citation.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.Database;
import org.scholarly.citation.testing.Transients;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two workers apply the same stream concurrently, as two instances do while partitions move between them: each
 * event may reach both (a redelivery after a rebalance) and in any interleaving across articles. One applies event
 * by event, the other a poll of several events per transaction, as the consumer does. The counts must be exactly
 * those one worker produces.
 */
@QuarkusTest
class ConcurrentInstancesTest {

    @Inject
    ArticleEventProcessor processor;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoWorkersOnOneStreamProduceExactlyTheCountsOfOne() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ArticleDraft> targets = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ArticleDraft target = ArticleDraft.published("Concurrent target " + run + " " + i, 2010 + i);
            target.doi = "10.6666/conc." + run + "." + i;
            targets.add(target);
        }
        Random random = new Random(7);
        List<ArticleDraft> citing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ArticleDraft article = ArticleDraft.published("Concurrent citing " + run + " " + i, 2015 + random.nextInt(5));
            for (int r = 0; r < 3; r++) {
                article.citesDoi(targets.get(random.nextInt(targets.size())).doi);
            }
            citing.add(article);
        }
        // Citing articles first for half of the targets, so that late arrivals race with new references.
        for (int i = 0; i < targets.size(); i++) {
            if (i % 2 == 0) {
                events.add(event(targets.get(i)));
            }
        }
        citing.forEach(a -> events.add(event(a)));
        for (int i = 1; i < targets.size(); i += 2) {
            events.add(event(targets.get(i)));
        }

        List<CloudEvent> first = new ArrayList<>(events);
        List<CloudEvent> second = new ArrayList<>(events);
        Collections.shuffle(second, new Random(11));
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = workers.submit(() -> first.forEach(e -> Transients.retry(() -> apply(e))));
            Future<?> b = workers.submit(() -> {
                for (int from = 0; from < second.size(); from += 4) {
                    List<CloudEvent> poll = second.subList(from, Math.min(second.size(), from + 4));
                    Transients.retry(() -> processor.applyAll(poll.stream()
                            .map(e -> new ArticleEventProcessor.ArticleEvent(e, EventCodec.dataAs(e, ArticleEventData.class)))
                            .toList()));
                }
            });
            a.get();
            b.get();
        } finally {
            workers.shutdown();
        }

        // What the two workers could not see of each other is looked at again once both committed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ArticleDraft target : targets) {
                long expected = citing.stream().filter(c -> c.references.stream().anyMatch(r -> target.doi.equals(r.doi()))).count();
                assertThat(Database.rows(dataSource, "SELECT cited_by_count FROM citation_count WHERE article_id = ?", target.id))
                        .as("count of target %s", target.doi).containsExactly(String.valueOf(expected));
            }
        });
        assertThat(Database.rows(dataSource, "SELECT count(*) FROM processed_event WHERE article_id = ANY (?)",
                (Object) citing.stream().map(c -> c.id).toArray(UUID[]::new))).containsExactly("30");
    }

    private void apply(CloudEvent event) {
        processor.apply(event, EventCodec.dataAs(event, ArticleEventData.class));
    }

    private static CloudEvent event(ArticleDraft draft) {
        ArticleEventData data = draft.snapshot();
        return EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, data.articleId().toString(), data);
    }
}
