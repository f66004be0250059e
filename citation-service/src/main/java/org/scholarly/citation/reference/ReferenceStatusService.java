package org.scholarly.citation.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.citation.CitationConfig;
import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.events.CitationEvents;
import org.scholarly.contract.ReferenceStatusChanged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides an article's reference status and publishes {@code reference-status.changed} when it moves.
 * NOT_SUPPLIED without references; BUILDING while a campaign still has the article or while the standing policy
 * covers it and no campaign built it yet; else BUILT when every reference resolved and PARTIAL otherwise.
 */
@ApplicationScoped
public class ReferenceStatusService {

    public static final String FAILED = "FAILED";

    @Inject
    CitationConfig config;
    @Inject
    CitationEvents events;

    public record Status(String status, String notice, UUID buildId, int referenceCount, int resolvedCount) {
    }

    /**
     * Recomputes the status; returns it. Publishes an event when it differs from the stored one. The row is locked
     * first: the status sequence is read, incremented and written, and another transaction may refresh it too.
     */
    public Status refresh(Connection c, UUID articleId) throws SQLException {
        ArticleRow article = ArticleStore.lock(c, articleId).orElseThrow();
        int[] counts = counts(c, articleId);
        Status next = decide(c, article, counts[0], counts[1]);
        store(c, article, next);
        return next;
    }

    /** Marks the article FAILED (a campaign could not build it); the next successful build replaces it. */
    public void fail(Connection c, UUID articleId, UUID buildId) throws SQLException {
        ArticleRow article = ArticleStore.lock(c, articleId).orElseThrow();
        int[] counts = counts(c, articleId);
        store(c, article, new Status(FAILED, null, buildId, counts[0], counts[1]));
    }

    private Status decide(Connection c, ArticleRow article, int referenceCount, int resolvedCount) throws SQLException {
        if (referenceCount == 0) {
            return new Status("NOT_SUPPLIED", null, null, 0, 0);
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT b.id, b.notice FROM reference_build_item i JOIN reference_build b ON b.id = i.build_id
                WHERE i.article_id = ? AND i.state = 'PENDING' ORDER BY b.created_at DESC LIMIT 1""")) {
            s.setObject(1, article.id());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return new Status("BUILDING", r.getString("notice"), r.getObject("id", UUID.class), referenceCount, resolvedCount);
                }
            }
        }
        if (article.builtAt() == null && coveredByStandingPolicy(article)) {
            return new Status("BUILDING", config.standingPolicy().notice(), null, referenceCount, resolvedCount);
        }
        return new Status(resolvedCount == referenceCount ? "BUILT" : "PARTIAL", null, null, referenceCount, resolvedCount);
    }

    public boolean coveredByStandingPolicy(ArticleRow article) {
        return config.standingPolicy().publishedAfter().isPresent() && article.year() != null
                && article.year() > config.standingPolicy().publishedAfter().get();
    }

    private void store(Connection c, ArticleRow article, Status next) throws SQLException {
        boolean changed = !Objects.equals(article.referenceStatus(), next.status())
                || !Objects.equals(article.statusNotice(), next.notice())
                || !Objects.equals(article.statusBuildId(), next.buildId())
                || article.referenceCount() != next.referenceCount() || article.resolvedCount() != next.resolvedCount();
        if (!changed) {
            return;
        }
        long sequence = article.statusSequence() + 1;
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE article SET reference_status = ?, status_notice = ?, status_build_id = ?, status_sequence = ?,
                    reference_count = ?, resolved_count = ? WHERE id = ?""")) {
            s.setString(1, next.status());
            s.setString(2, next.notice());
            s.setObject(3, next.buildId());
            s.setLong(4, sequence);
            s.setInt(5, next.referenceCount());
            s.setInt(6, next.resolvedCount());
            s.setObject(7, article.id());
            s.executeUpdate();
        }
        if (!article.deleted()) {
            events.referenceStatusChanged(new ReferenceStatusChanged(article.id(), next.status(), next.notice(),
                    OffsetDateTime.now(ZoneOffset.UTC), sequence, next.referenceCount(), next.resolvedCount(), next.buildId()));
        }
    }

    private static int[] counts(Connection c, UUID articleId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(*) AS total, count(*) FILTER (WHERE status = 'RESOLVED') AS resolved FROM article_reference WHERE citing_article_id = ?")) {
            s.setObject(1, articleId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new int[]{r.getInt("total"), r.getInt("resolved")};
            }
        }
    }
}
