package org.scholarly.citation.reference;

import org.junit.jupiter.api.Test;
import org.scholarly.citation.article.ArticleSnapshots;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.resolution.CandidateArticle;
import org.scholarly.citation.resolution.ReferenceResolver;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.MigratedDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A reference without a title finds its candidates by exact (first page, volume) keys, never by scanning articles. */
class LocatorLookupTest {

    @Test
    void findsCandidatesByFirstPageKeyAndVolumeWithoutASequentialScan() throws Exception {
        MigratedDatabase database = MigratedDatabase.create("citation_locator_lookup");
        UUID journal = UUID.randomUUID();
        try (Connection c = database.connect()) {
            for (int i = 0; i < 300; i++) {
                ArticleDraft other = ArticleDraft.published("Another letter " + i, 2005)
                        .journal(journal, null, "Physical Review Letters");
                other.volume = Integer.toString(90 + i % 10);
                other.firstPage = Integer.toString(120000 + i);
                ArticleStore.upsert(c, ArticleSnapshots.toRow(other.snapshot(), null));
            }
            ArticleDraft byArticleNumber = ArticleDraft.published("Quantum Oscillations", 2005)
                    .journal(journal, null, "Physical Review Letters");
            byArticleNumber.volume = "95";
            byArticleNumber.firstPage = "123456";
            ArticleDraft bySupplementPage = ArticleDraft.published("Anxiolytic Activity", 2005)
                    .journal(UUID.randomUUID(), null, "European Neuropsychopharmacology");
            bySupplementPage.number = "15";
            bySupplementPage.firstPage = "S184";
            ArticleStore.upsert(c, ArticleSnapshots.toRow(byArticleNumber.snapshot(), null));
            ArticleStore.upsert(c, ArticleSnapshots.toRow(bySupplementPage.snapshot(), null));
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE article");
                // Forbid what the indexes should make unnecessary; without an index path PostgreSQL would still scan.
                s.execute("SET LOCAL enable_seqscan = off");
            }
            JdbcCandidateSource source = new JdbcCandidateSource(c);
            long before = sequentialScans(c);

            Collection<CandidateArticle> physics = source.byKeys(keys("[12] Y. Tanaka, Phys. Rev. Lett. 95, 123456 (2005)."));
            Collection<CandidateArticle> supplement = source.byKeys(
                    keys("(1) Yamidanov, R. S.; Sadykova, R. European Neuropsychopharmacology 2005, 15, S184–S185."));

            assertThat(sequentialScans(c) - before).as("sequential scans of article and article_lookup_key").isZero();
            assertThat(physics).extracting(CandidateArticle::id).containsExactly(byArticleNumber.id);
            assertThat(physics).extracting(CandidateArticle::containerWords).containsExactly(List.of("physical review letters"));
            assertThat(supplement).extracting(CandidateArticle::id).containsExactly(bySupplementPage.id);
            c.rollback();
        }
    }

    private static Set<Long> keys(String raw) {
        return ReferenceResolver.prepare(new ReferenceResolver.Input(raw, null, null, null, null, null, null, null, null, null)).keys();
    }

    private static long sequentialScans(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT sum(seq_scan) FROM pg_stat_xact_user_tables WHERE relname IN ('article', 'article_lookup_key')")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
