package org.scholarly.citation.graph;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.ingest.ArticleEventProcessor;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.Database;
import org.scholarly.citation.testing.Transients;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A citing article and the work it names arrive at the same time on two partitions, so two transactions run side by
 * side with no lock around the graph. Neither may lose the link: whatever one could not see of the other is looked
 * at again once both committed ({@link ConcurrentChangeReconciler}).
 */
@QuarkusTest
class ConcurrentArrivalRaceTest {

    @Inject
    ArticleEventProcessor processor;
    @Inject
    AgroalDataSource dataSource;

    /** The worst interleaving, forced: each transaction has read and written everything before either commits. */
    @Test
    void linksACitingArticleAndItsTargetWhenEachTransactionMissedTheOther() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Pair pair = Pair.create("forced", round);
                try (Connection holder = dataSource.getConnection()) {
                    holder.setAutoCommit(false);
                    try (Statement s = holder.createStatement()) {
                        // Both transactions end by recording themselves in graph_change: held here, they both wait
                        // there with all their reads done.
                        s.execute("LOCK TABLE graph_change IN EXCLUSIVE MODE");
                    }
                    Future<?> citing = workers.submit(() -> apply(pair.citing()));
                    Future<?> target = workers.submit(() -> apply(pair.target()));
                    await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnGraphChange(holder) == 2);
                    holder.rollback();
                    citing.get();
                    target.get();
                }
                awaitCitedOnce(pair);
            }
        } finally {
            workers.shutdown();
        }
    }

    /** Free-running: many pairs, each started together on two threads, in every interleaving the machine produces. */
    @Test
    void neverLosesALinkWhenManyPairsArriveTogether() throws Exception {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            pairs.add(Pair.create("free", i));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Future<?> citing = workers.submit(() -> pairs.forEach(p -> {
                meet(together);
                apply(p.citing());
            }));
            Future<?> targets = workers.submit(() -> pairs.forEach(p -> {
                meet(together);
                apply(p.target());
            }));
            citing.get();
            targets.get();
        } finally {
            workers.shutdown();
        }
        for (Pair pair : pairs) {
            awaitCitedOnce(pair);
        }
    }

    /** A target and an article citing it without a DOI: by title, year and pages, as most references do. */
    private record Pair(ArticleDraft citing, ArticleDraft target) {

        /** Pair {@code n} of a run: its own title, volume and pages, as distinct works have. */
        static Pair create(String label, int n) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            // Most of the title is its own: two works that differ in one number are look-alikes the resolver may
            // rightly take for each other.
            String title = "Arrival " + UUID.randomUUID().toString().replace('-', ' ') + " " + label + " " + n;
            int volume = 10 + n;
            int first = 101 + 40 * (n / 40);
            ArticleDraft target = ArticleDraft.published(title, 2012)
                    .journal(UUID.randomUUID(), null, "Journal of Race Studies " + run).author(null, "Mira Okonkwo", "Okonkwo")
                    .pages(Integer.toString(first), Integer.toString(first + 29));
            target.volume = Integer.toString(volume);
            ArticleDraft citing = ArticleDraft.published("Citing in a race " + run, 2016)
                    .cites("Okonkwo, M. (2012). " + title + ". Journal of Race Studies " + run + ", " + volume + ", " + first + "-" + (first + 29) + ".");
            return new Pair(citing, target);
        }
    }

    private void awaitCitedOnce(Pair pair) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Database.rows(dataSource, "SELECT cited_by_count FROM citation_count WHERE article_id = ?", pair.target().id))
                        .as("cited-by count of the target of %s", pair.citing().id).containsExactly("1"));
    }

    private void apply(ArticleDraft draft) {
        CloudEvent event = EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, draft.id.toString(), draft.snapshot());
        Transients.retry(() -> processor.apply(event, draft.snapshot()));
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int waitingOnGraphChange(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT count(*) FROM pg_locks l JOIN pg_class t ON t.oid = l.relation
                     WHERE t.relname = 'graph_change' AND NOT l.granted""")) {
            r.next();
            return r.getInt(1);
        }
    }
}
