package org.scholarly.citation.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.ingest.ArticleEventProcessor;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.Database;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.support.retention.Retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumed event ids past their period are pruned, and a replay of an event whose id was pruned counts once. */
@QuarkusTest
class RetentionTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Retention retention;
    @Inject
    ArticleEventProcessor processor;

    @Test
    void prunesEventIdsOlderThanTheirPeriodAndKeepsNewerOnes() throws SQLException {
        String prefix = "retention-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            processedEvent(prefix + "-old-" + i, 31);
        }
        processedEvent(prefix + "-new", 29);

        retention.pruneNow();

        assertThat(Database.rows(dataSource, "SELECT event_id FROM processed_event WHERE event_id LIKE ? || '%'", prefix))
                .containsExactly(prefix + "-new");
    }

    @Test
    void aReplayedEventWhoseIdWasPrunedIsAbsorbedByTheVersionCheck() throws SQLException {
        ArticleDraft target = ArticleDraft.published("Retention target " + UUID.randomUUID(), 2014);
        target.doi = "10.9999/retention." + UUID.randomUUID();
        ArticleDraft citing = ArticleDraft.published("Retention citing " + UUID.randomUUID(), 2016).citesDoi(target.doi);
        apply(event(target));
        CloudEvent cites = event(citing);
        assertThat(apply(cites)).isEqualTo(ArticleEventProcessor.Outcome.APPLIED);
        assertThat(citedBy(target)).containsExactly("1");

        try (Connection c = dataSource.getConnection(); PreparedStatement age = c.prepareStatement(
                "UPDATE processed_event SET processed_at = now() - interval '31 days' WHERE event_id = ?")) {
            age.setString(1, cites.id());
            age.executeUpdate();
        }
        retention.pruneNow();
        assertThat(Database.rows(dataSource, "SELECT 1 FROM processed_event WHERE event_id = ?", cites.id())).isEmpty();

        assertThat(apply(cites)).isEqualTo(ArticleEventProcessor.Outcome.STALE_VERSION);
        assertThat(citedBy(target)).as("the replay counted once").containsExactly("1");
    }

    private ArticleEventProcessor.Outcome apply(CloudEvent event) {
        return processor.apply(event, EventCodec.dataAs(event, ArticleEventData.class));
    }

    private static CloudEvent event(ArticleDraft draft) {
        ArticleEventData data = draft.snapshot();
        return EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, data.articleId().toString(), data);
    }

    private java.util.List<String> citedBy(ArticleDraft article) {
        return Database.rows(dataSource, "SELECT cited_by_count FROM citation_count WHERE article_id = ?", article.id);
    }

    private void processedEvent(String id, int daysAgo) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO processed_event "
                + "(event_id, event_type, article_id, processed_at) VALUES (?, 'article.created', ?, now() - make_interval(days => ?))")) {
            s.setString(1, id);
            s.setObject(2, UUID.randomUUID());
            s.setInt(3, daysAgo);
            s.executeUpdate();
        }
    }
}
