package org.scholarly.citation.reference;

import org.junit.jupiter.api.Test;
import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleSnapshots;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.resolution.ReferenceResolver;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.MigratedDatabase;
import org.scholarly.contract.ArticleEventData;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A newly arrived article finds the open references that may cite it through indexes, never by scanning them all. */
class LateArrivalLookupTest {

    @Test
    void findsOpenReferencesByDoiYearAndPageOrTitleWithoutASequentialScan() throws Exception {
        MigratedDatabase database = MigratedDatabase.create("citation_late_arrival");
        ArticleDraft target = ArticleDraft.seed(UUID.randomUUID());
        target.doi = "10.4444/late.arrival";
        ArticleDraft byDoi = ArticleDraft.published("Cites by DOI", 2016).citesDoi("https://doi.org/10.4444/LATE.ARRIVAL");
        ArticleDraft byPages = ArticleDraft.published("Cites by year and pages", 2017).cites("Ahn (2015), Chung-Ang Saron 42, 481-512.");
        ArticleDraft byTitle = ArticleDraft.published("Cites by title", 2018).cites("Ahn Chi-Young, The Sino-Soviet Relation and the Korean War");
        ArticleDraft unrelated = ArticleDraft.published("Cites something else", 2019)
                .cites("Cumings, B. (1981). The Origins of the Korean War. Princeton University Press.");
        try (Connection c = database.connect()) {
            ReferenceResolver resolver = new ReferenceResolver(new JdbcCandidateSource(c));
            for (ArticleDraft citing : List.of(byDoi, byPages, byTitle, unrelated)) {
                ArticleEventData data = citing.snapshot();
                ArticleStore.upsert(c, ArticleSnapshots.toRow(data, null));
                ReferenceStore.replace(c, citing.id, data.references(), resolver);
            }
            ArticleRow arrived = ArticleSnapshots.toRow(target.snapshot(), null);
            ArticleStore.upsert(c, arrived);
            try (Statement s = c.createStatement()) {
                // Forbid what the indexes should make unnecessary; without an index path PostgreSQL would still scan.
                s.execute("SET LOCAL enable_seqscan = off");
            }
            long[] before = scans(c);

            List<StoredReference> open = ReferenceStore.openCandidatesFor(c, arrived);

            long[] after = scans(c);
            assertThat(open).extracting(StoredReference::citingArticleId)
                    .containsExactlyInAnyOrder(byDoi.id, byPages.id, byTitle.id);
            assertThat(after[0] - before[0]).as("sequential scans of article_reference").isZero();
            assertThat(after[1] - before[1]).as("index scans of article_reference").isPositive();
            c.rollback();
        }
    }

    @Test
    void findsAnOpenReferenceWithoutATitleByYearAndArticleNumberAndThenLinksIt() throws Exception {
        MigratedDatabase database = MigratedDatabase.create("citation_late_titleless");
        ArticleDraft target = ArticleDraft.published("Quantum Oscillations in Layered Organic Conductors", 2005)
                .journal(UUID.randomUUID(), null, "Physical Review Letters").author(null, "Yuki Tanaka", "Tanaka");
        target.volume = "95";
        target.number = "12";
        target.firstPage = "123456";
        ArticleDraft citing = ArticleDraft.published("Cites without a title", 2007)
                .cites("[12] Y. Tanaka and R. Weiss, Phys. Rev. Lett. 95, 123456 (2005).");
        try (Connection c = database.connect()) {
            ReferenceResolver resolver = new ReferenceResolver(new JdbcCandidateSource(c));
            ArticleEventData data = citing.snapshot();
            ArticleStore.upsert(c, ArticleSnapshots.toRow(data, null));
            ReferenceStore.replace(c, citing.id, data.references(), resolver);
            ArticleRow arrived = ArticleSnapshots.toRow(target.snapshot(), null);
            ArticleStore.upsert(c, arrived);

            List<StoredReference> open = ReferenceStore.openCandidatesFor(c, arrived);

            assertThat(open).extracting(StoredReference::citingArticleId).containsExactly(citing.id);
            // A candidate source serves one state of the read model; the arrival is a new one.
            ReferenceResolver afterArrival = new ReferenceResolver(new JdbcCandidateSource(c));
            assertThat(afterArrival.resolve(open.get(0).input(), citing.id).target()).isEqualTo(target.id);
            c.rollback();
        }
    }

    private static long[] scans(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'article_reference'")) {
            return r.next() ? new long[]{r.getLong(1), r.getLong(2)} : new long[]{0, 0};
        }
    }
}
