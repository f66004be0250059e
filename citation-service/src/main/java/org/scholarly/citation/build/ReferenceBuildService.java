package org.scholarly.citation.build;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.citation.CitationConfig;
import org.scholarly.citation.events.CitationEvents;
import org.scholarly.citation.reference.ReferenceStatusService;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.support.problem.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates campaigns (moving their articles to BUILDING in the same transaction) and reports their progress. */
@ApplicationScoped
public class ReferenceBuildService {

    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReferenceStatusService statuses;
    @Inject
    CitationEvents events;
    @Inject
    CitationConfig config;

    @Transactional
    public ReferenceBuildView start(ReferenceBuildRequest request, String requestedBy) {
        if (request.fromYear() != null && request.toYear() != null && request.fromYear() > request.toYear()) {
            throw ProblemException.invalidField("fromYear", "must not be after toYear");
        }
        UUID id = UUID.randomUUID();
        String notice = request.notice() != null ? request.notice().strip() : config.builds().defaultNotice();
        try (Connection c = dataSource.getConnection()) {
            if (request.journalId() != null && !journalKnown(c, request.journalId())) {
                throw ProblemException.notFound("No journal " + request.journalId() + " is known to the citation index");
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO reference_build (id, journal_id, from_year, to_year, notice, state, requested_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                s.setObject(1, id);
                s.setObject(2, request.journalId());
                setInteger(s, 3, request.fromYear());
                setInteger(s, 4, request.toYear());
                s.setString(5, notice);
                s.setString(6, RUNNING);
                s.setString(7, requestedBy);
                s.executeUpdate();
            }
            List<UUID> articles = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO reference_build_item (build_id, article_id, state)
                    SELECT ?, a.id, 'PENDING' FROM article a
                    WHERE NOT a.deleted AND a.workflow_status = 'PUBLISHED' AND a.reference_count > 0
                      AND (?::uuid IS NULL OR a.journal_id = ?::uuid)
                      AND (?::integer IS NULL OR a.publication_year >= ?::integer)
                      AND (?::integer IS NULL OR a.publication_year <= ?::integer)
                    ORDER BY a.id
                    RETURNING article_id""")) {
                s.setObject(1, id);
                s.setObject(2, request.journalId());
                s.setObject(3, request.journalId());
                setInteger(s, 4, request.fromYear());
                setInteger(s, 5, request.fromYear());
                setInteger(s, 6, request.toYear());
                setInteger(s, 7, request.toYear());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        articles.add(r.getObject("article_id", UUID.class));
                    }
                }
            }
            for (UUID article : articles) {
                statuses.refresh(c, article);
            }
            finishIfDone(c, id);
            return view(c, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ReferenceBuildView get(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return view(c, id).orElseThrow(() -> ProblemException.notFound("No reference build " + id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the campaign once nothing is pending and publishes {@code reference-build.finished}, exactly once. */
    void finishIfDone(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reference_build SET state = ?, finished_at = now()
                WHERE id = ? AND state = ? AND NOT EXISTS (
                    SELECT 1 FROM reference_build_item WHERE build_id = ? AND state = 'PENDING')""")) {
            s.setString(1, FINISHED);
            s.setObject(2, id);
            s.setString(3, RUNNING);
            s.setObject(4, id);
            if (s.executeUpdate() == 0) {
                return;
            }
        }
        ReferenceBuildView view = view(c, id).orElseThrow();
        events.referenceBuildFinished(new ReferenceBuildFinished(id, FINISHED, view.total(), view.builtArticles(),
                view.partialArticles(), view.resolvedReferences(), view.unresolvedReferences(), OffsetDateTime.now(ZoneOffset.UTC)));
    }

    static Optional<ReferenceBuildView> view(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT b.id, b.state, b.journal_id, b.from_year, b.to_year, b.notice, b.requested_by,
                       count(i.article_id) AS total, count(i.article_id) FILTER (WHERE i.state <> 'PENDING') AS done,
                       count(i.article_id) FILTER (WHERE i.outcome = 'BUILT') AS built,
                       count(i.article_id) FILTER (WHERE i.outcome = 'PARTIAL') AS partial,
                       count(i.article_id) FILTER (WHERE i.outcome = 'FAILED') AS failed,
                       COALESCE(sum(i.resolved_references), 0) AS resolved,
                       COALESCE(sum(i.unresolved_references), 0) AS unresolved,
                       b.created_at, b.finished_at
                FROM reference_build b LEFT JOIN reference_build_item i ON i.build_id = b.id
                WHERE b.id = ? GROUP BY b.id""")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReferenceBuildView(r.getObject("id", UUID.class), r.getString("state"),
                        r.getObject("journal_id", UUID.class), (Integer) r.getObject("from_year"), (Integer) r.getObject("to_year"),
                        r.getString("notice"), r.getString("requested_by"), r.getInt("total"), r.getInt("done"),
                        r.getInt("built"), r.getInt("partial"), r.getInt("failed"), r.getInt("resolved"), r.getInt("unresolved"),
                        utc(r.getObject("created_at", OffsetDateTime.class)), utc(r.getObject("finished_at", OffsetDateTime.class))));
            }
        }
    }

    private static boolean journalKnown(Connection c, UUID journal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM article WHERE journal_id = ? LIMIT 1")) {
            s.setObject(1, journal);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
