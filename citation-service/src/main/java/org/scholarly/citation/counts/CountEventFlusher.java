package org.scholarly.citation.counts;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.citation.CitationConfig;
import org.scholarly.citation.events.CitationEvents;
import org.jboss.logging.Logger;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.support.logging.LogSummaries;
import org.scholarly.support.tracing.EventTracing;
import org.scholarly.support.tracing.TracedScope;
import org.scholarly.support.tracing.Traceparents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    @Inject
    EventTracing tracing;

    private static final Logger LOG = Logger.getLogger(CountEventFlusher.class);

    @Scheduled(every = "${citation.counts.flush-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        flush();
    }

    /** What the flusher read of one dirty counter, and the trace of the change that marked it. */
    private record Dirty(UUID article, long count, long publishedCount, long sequence, OffsetDateTime asOf, String traceparent) {
    }

    /**
     * Returns how many events it appended. The rows stay locked until commit, and the consumer waits for them when
     * it recounts the same articles; so the whole batch takes three statements, not two per article.
     */
    @Transactional
    public int flush() {
        try (Connection c = dataSource.getConnection()) {
            List<Dirty> dirty = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT article_id, cited_by_count, published_count, counts_sequence, updated_at, dirty_traceparent FROM citation_count
                    WHERE dirty ORDER BY article_id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                select.setInt(1, config.counts().flushBatchSize());
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        dirty.add(new Dirty(r.getObject("article_id", UUID.class), r.getLong("cited_by_count"),
                                r.getLong("published_count"), r.getLong("counts_sequence") + 1,
                                r.getObject("updated_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                                r.getString("dirty_traceparent")));
                    }
                }
            }
            if (dirty.isEmpty()) {
                return 0;
            }
            Map<UUID, Map<String, Long>> years = byYear(c, dirty.stream().map(Dirty::article).toArray());
            Map<UUID, String> traceparents = traceAndLog(dirty);
            events.citationCountsChanged(dirty.stream().map(d -> new CitationCountsChanged(d.article(), d.count(),
                    d.publishedCount(), years.getOrDefault(d.article(), Map.of()), d.asOf(), d.sequence())).toList(),
                    traceparents::get);
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE citation_count SET dirty = false, published_count = ?, counts_sequence = ? WHERE article_id = ?")) {
                for (Dirty d : dirty) {
                    mark.setLong(1, d.count());
                    mark.setLong(2, d.sequence());
                    mark.setObject(3, d.article());
                    mark.addBatch();
                }
                mark.executeBatch();
            }
            return dirty.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish count changes: " + e.getMessage(), e);
        }
    }

    /**
     * One span per trace that marked counters dirty, a child of that trace (a poll of article events, a request), and
     * one log line in it; returns the traceparent each article's event is published under. No statement is added:
     * a flush of hundreds of counters stays three statements, and the spans are a handful per flush.
     */
    private Map<UUID, String> traceAndLog(List<Dirty> dirty) {
        Map<String, List<Dirty>> byTrace = new LinkedHashMap<>();
        dirty.forEach(d -> byTrace.computeIfAbsent(Objects.requireNonNullElse(d.traceparent(), ""), k -> new ArrayList<>()).add(d));
        Map<UUID, String> traceparents = new HashMap<>();
        byTrace.forEach((traceparent, changes) -> {
            Span span = tracing.startContinuation("citation-counts publish", SpanKind.PRODUCER, traceparent);
            try (TracedScope scope = TracedScope.enter(span)) {
                LOG.infof("Citation counts changed for %d article(s): %s", changes.size(),
                        LogSummaries.firstFew(changes.stream().map(d -> d.article() + " → " + d.count()).toList()));
                String own = Traceparents.current();
                changes.forEach(d -> traceparents.put(d.article(), own));
            } finally {
                span.end();
            }
        });
        return traceparents;
    }

    /** Counts by citing year, oldest first, for each of the articles. */
    private static Map<UUID, Map<String, Long>> byYear(Connection c, Object[] articles) throws SQLException {
        Map<UUID, Map<String, Long>> years = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT article_id, citing_year, count FROM citation_count_year WHERE article_id = ANY (?) ORDER BY article_id, citing_year")) {
            s.setArray(1, c.createArrayOf("uuid", articles));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    years.computeIfAbsent(r.getObject("article_id", UUID.class), k -> new LinkedHashMap<>())
                            .put(String.valueOf(r.getInt("citing_year")), r.getLong("count"));
                }
            }
        }
        return years;
    }
}
