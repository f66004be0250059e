package org.scholarly.catalog.citation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.common.Sql;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.ReferenceStatusChanged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies citation-service events in one transaction, each together with the record that it was applied: a
 * redelivered event finds its id and does nothing, and an event whose sequence is not newer than the stored one
 * leaves the article as it is. Neither touches the article version: these are the citation-service's facts.
 */
@ApplicationScoped
public class CitationEffects {

    public enum Result { APPLIED, DUPLICATE, STALE_OR_UNKNOWN_ARTICLE }

    @Inject
    Sql sql;

    @Transactional
    public Result apply(CloudEvent event) {
        return applyAll(List.of(event)).get(0);
    }

    /** A poll's events in their order, one commit for all; one result each. */
    @Transactional
    public List<Result> applyAll(List<CloudEvent> events) {
        return sql.run(c -> {
            List<Result> results = new ArrayList<>(events.size());
            for (CloudEvent event : events) {
                results.add(applyOne(c, event));
            }
            return results;
        });
    }

    private static Result applyOne(Connection c, CloudEvent event) throws SQLException {
        if (!claim(c, event.id())) {
            return Result.DUPLICATE;
        }
        int updated = switch (event.type()) {
            case org.scholarly.contract.EventTypes.REFERENCE_STATUS_CHANGED ->
                    referenceStatus(c, EventCodec.dataAs(event, ReferenceStatusChanged.class));
            case org.scholarly.contract.EventTypes.CITATION_COUNTS_CHANGED ->
                    citationCounts(c, EventCodec.dataAs(event, CitationCountsChanged.class));
            default -> 0;
        };
        return updated > 0 ? Result.APPLIED : Result.STALE_OR_UNKNOWN_ARTICLE;
    }

    private static boolean claim(Connection c, String eventId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO processed_event (event_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    private static int referenceStatus(Connection c, ReferenceStatusChanged data) throws SQLException {
        int updated;
        try (PreparedStatement update = c.prepareStatement("UPDATE article SET reference_status = ?, reference_notice = ?, "
                + "reference_as_of = ?, reference_sequence = ? WHERE id = ? AND reference_sequence < ?")) {
            update.setString(1, data.status());
            update.setString(2, data.notice());
            update.setTimestamp(3, Timestamp.from(data.asOf().toInstant()));
            update.setLong(4, data.sequence());
            update.setObject(5, data.articleId());
            update.setLong(6, data.sequence());
            updated = update.executeUpdate();
        }
        if (updated > 0) {
            try (PreparedStatement history = c.prepareStatement("INSERT INTO article_history (id, article_id, version, action, actor, at, to_status, comment) "
                    + "SELECT nextval('article_history_seq'), id, version, 'REFERENCE_STATUS_CHANGED', 'citation-service', ?, ?, ? FROM article WHERE id = ?")) {
                history.setTimestamp(1, Timestamp.from(data.asOf().toInstant()));
                history.setString(2, data.status());
                history.setString(3, data.notice());
                history.setObject(4, data.articleId());
                history.executeUpdate();
            }
        }
        return updated;
    }

    private static int citationCounts(Connection c, CitationCountsChanged data) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE article SET cited_by_count = ?, counts_by_year = CAST(? AS jsonb), "
                + "citations_as_of = ?, citation_sequence = ? WHERE id = ? AND citation_sequence < ?")) {
            update.setLong(1, data.citedByCount());
            update.setString(2, EventCodec.mapper().valueToTree(data.countsByYear()).toString());
            update.setTimestamp(3, Timestamp.from(data.asOf().toInstant()));
            update.setLong(4, data.sequence());
            update.setObject(5, data.articleId());
            update.setLong(6, data.sequence());
            return update.executeUpdate();
        }
    }
}
