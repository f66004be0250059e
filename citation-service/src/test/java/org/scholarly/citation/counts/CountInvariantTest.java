package org.scholarly.citation.counts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.CatalogTopic;
import org.scholarly.citation.testing.Database;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random sequence of ingests, updates, reference replacements, retractions and deletions through the real
 * broker; afterwards the stored counters must equal a recomputation from the links, the links must equal the
 * resolved references of counting articles, and every count must equal what the test's own model expects.
 */
@QuarkusTest
class CountInvariantTest {

    private static final long SEED = 42_2015L;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storedCountersEqualARecomputationAfterARandomisedSequence() {
        Random random = new Random(SEED);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> journals = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<ArticleDraft> targets = new ArrayList<>();
        List<ArticleDraft> citing = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ArticleDraft target = ArticleDraft.published("Invariant target " + run + " number " + i, 2008 + random.nextInt(8));
            target.doi = "10.7777/inv." + run + "." + i;
            target.journal(journals.get(random.nextInt(journals.size())), null, "Journal " + i % 3);
            targets.add(target);
        }
        for (int i = 0; i < 10; i++) {
            citing.add(ArticleDraft.published("Invariant citing " + run + " number " + i, 2012 + random.nextInt(10)));
        }
        Set<ArticleDraft> published = new HashSet<>();
        List<String> eventIds = new ArrayList<>();

        // Half of the targets exist before anything cites them; the rest arrive later in the sequence.
        for (ArticleDraft target : targets.subList(0, 6)) {
            eventIds.add(publish(target, EventTypes.ARTICLE_CREATED, published));
        }
        int lateTarget = 6;
        for (int step = 0; step < 70; step++) {
            ArticleDraft article = citing.get(random.nextInt(citing.size()));
            int action = random.nextInt(10);
            if (lateTarget < targets.size() && random.nextInt(6) == 0) {
                eventIds.add(publish(targets.get(lateTarget++), EventTypes.ARTICLE_CREATED, published));
            } else if (!published.contains(article) || action < 3) {
                article.references.clear();
                int n = 1 + random.nextInt(4);
                for (int r = 0; r < n; r++) {
                    if (random.nextInt(5) == 0) {
                        article.cites("Somebody, A. (1999). A book outside the catalog " + random.nextInt(1000) + ". Press.");
                    } else {
                        article.citesDoi(targets.get(random.nextInt(targets.size())).doi);
                    }
                }
                eventIds.add(publish(article.next(), published.contains(article) ? EventTypes.ARTICLE_REFERENCES_REPLACED
                        : EventTypes.ARTICLE_CREATED, published));
            } else if (action < 5) {
                article.year = 2012 + random.nextInt(10);
                eventIds.add(publish(article.next(), EventTypes.ARTICLE_UPDATED, published));
            } else if (action < 7) {
                article.workflowStatus = article.workflowStatus.equals("PUBLISHED") ? "RETRACTED" : "PUBLISHED";
                eventIds.add(publish(article.next(), EventTypes.ARTICLE_STATUS_CHANGED, published));
            } else if (action < 8) {
                article.deleted = true;
                eventIds.add(publish(article.next(), EventTypes.ARTICLE_DELETED, published));
                citing.remove(article);
                citing.add(ArticleDraft.published("Invariant citing " + run + " replacement " + step, 2012 + random.nextInt(10)));
            } else {
                ArticleDraft target = targets.get(random.nextInt(Math.min(lateTarget, targets.size())));
                if (random.nextBoolean()) {
                    target.journal(journals.get(random.nextInt(journals.size())), null, "Moved journal");
                } else {
                    target.year = 2008 + random.nextInt(8);
                }
                eventIds.add(publish(target.next(), EventTypes.ARTICLE_UPDATED, published));
            }
        }
        // One target withdrawn by deletion: references to it must stop counting too.
        ArticleDraft deletedTarget = targets.get(0);
        deletedTarget.deleted = true;
        eventIds.add(publish(deletedTarget.next(), EventTypes.ARTICLE_DELETED, published));
        eventIds.forEach(id -> Database.awaitProcessed(dataSource, id));

        assertStoredEqualsRecomputed();
        for (ArticleDraft target : targets.subList(0, lateTarget)) {
            long expected = expectedCitedBy(target, published);
            if (target.deleted) {
                given().get("/api/v1/citations/articles/{id}", target.id).then().statusCode(404);
            } else {
                long actual = given().get("/api/v1/citations/articles/{id}", target.id).then().statusCode(200)
                        .extract().jsonPath().getLong("citedByCount");
                assertThat(actual).as("cited-by count of %s", target.titles.get("en")).isEqualTo(expected);
            }
        }
    }

    /** What the model says: distinct published, not deleted citing articles with a DOI reference to the target. */
    private static long expectedCitedBy(ArticleDraft target, Set<ArticleDraft> published) {
        return published.stream()
                .filter(a -> !a.deleted && a.workflowStatus.equals("PUBLISHED") && a.doi == null)
                .filter(a -> a.references.stream().anyMatch(r -> target.doi.equals(r.doi())))
                .count();
    }

    private String publish(ArticleDraft draft, String type, Set<ArticleDraft> published) {
        CloudEvent event = CatalogTopic.publish(draft, type);
        published.add(draft);
        return event.id();
    }

    private void assertStoredEqualsRecomputed() {
        assertThat(Database.rows(dataSource, "SELECT article_id, cited_by_count FROM citation_count WHERE cited_by_count > 0 ORDER BY 1"))
                .isEqualTo(Database.rows(dataSource, """
                        SELECT cited_article_id, count(DISTINCT citing_article_id) FROM citation_link GROUP BY 1 ORDER BY 1"""));
        assertThat(Database.rows(dataSource, "SELECT article_id, citing_year, count FROM citation_count_year ORDER BY 1, 2"))
                .isEqualTo(Database.rows(dataSource, """
                        SELECT cited_article_id, citing_year, count(DISTINCT citing_article_id) FROM citation_link
                        WHERE citing_year IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"""));
        assertThat(Database.rows(dataSource, "SELECT journal_id, citing_year, cited_year, count FROM journal_citation_count ORDER BY 1, 2, 3"))
                .isEqualTo(Database.rows(dataSource, """
                        SELECT a.journal_id, l.citing_year, a.publication_year, count(DISTINCT (l.citing_article_id, l.cited_article_id))
                        FROM citation_link l JOIN article a ON a.id = l.cited_article_id
                        WHERE NOT a.deleted AND a.journal_id IS NOT NULL AND a.publication_year IS NOT NULL AND l.citing_year IS NOT NULL
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""));
        assertThat(Database.rows(dataSource, "SELECT citing_article_id, position, cited_article_id, citing_year FROM citation_link ORDER BY 1, 2"))
                .isEqualTo(Database.rows(dataSource, """
                        SELECT r.citing_article_id, r.position, r.target_article_id, a.publication_year
                        FROM article_reference r JOIN article a ON a.id = r.citing_article_id
                        WHERE r.status = 'RESOLVED' AND a.workflow_status = 'PUBLISHED' AND NOT a.deleted ORDER BY 1, 2"""));
        // No link may point at an article that cannot be cited.
        assertThat(Database.rows(dataSource, """
                SELECT l.cited_article_id FROM citation_link l JOIN article a ON a.id = l.cited_article_id
                WHERE a.deleted OR a.workflow_status NOT IN ('PUBLISHED', 'RETRACTED')""")).isEmpty();
    }
}
