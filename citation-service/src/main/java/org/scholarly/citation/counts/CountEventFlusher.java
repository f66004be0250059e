package org.scholarly.citation.counts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.citation.CitationConfig;
import org.scholarly.citation.events.CitationEvents;
import org.scholarly.contract.CitationCountsChanged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes {@code citation-counts.changed} for articles whose counters moved since the last event: at most one event
 * per article per tick however many references of a bulk ingest cited it. The counters mark the article dirty in
 * the transaction that changed them; the event and the cleared mark commit together here, so nothing is lost and
 * nothing goes out twice. {@code SKIP LOCKED} lets several instances flush side by side.
 */
@ApplicationScoped
public class CountEventFlusher {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CitationEvents events;
    @Inject
    CitationConfig config;

    @Scheduled(every = "${citation.counts.flush-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        flush();
    }

    /** Returns how many events it appended. */
    @Transactional
    public int flush() {
        int published = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT article_id, cited_by_count, published_count, counts_sequence, updated_at FROM citation_count
                     WHERE dirty ORDER BY article_id LIMIT ? FOR UPDATE SKIP LOCKED""");
             PreparedStatement mark = c.prepareStatement(
                     "UPDATE citation_count SET dirty = false, published_count = ?, counts_sequence = ? WHERE article_id = ?")) {
            select.setInt(1, config.counts().flushBatchSize());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    UUID article = r.getObject(1, UUID.class);
                    long count = r.getLong(2);
                    long sequence = r.getLong(4) + 1;
                    OffsetDateTime asOf = r.getObject(5, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
                    events.citationCountsChanged(new CitationCountsChanged(article, count, r.getLong(3),
                            byYear(c, article), asOf, sequence));
                    mark.setLong(1, count);
                    mark.setLong(2, sequence);
                    mark.setObject(3, article);
                    mark.addBatch();
                    published++;
                }
            }
            mark.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish count changes: " + e.getMessage(), e);
        }
        return published;
    }

    static Map<String, Long> byYear(Connection c, UUID article) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        CountStore.byYear(c, "SELECT citing_year, count FROM citation_count_year WHERE article_id = ? ORDER BY citing_year", article)
                .forEach((year, n) -> counts.put(String.valueOf(year), n));
        return counts;
    }
}
