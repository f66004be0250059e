package org.scholarly.citation.counts;

import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Citation links as rows: (citing article, reference position) → cited article, with the citing year. */
public final class LinkStore {

    private LinkStore() {
    }

    /**
     * Makes the links of one citing article match its resolved references (none unless it is a citing article) and
     * returns every cited article whose links changed, before or after.
     */
    public static Set<UUID> rebuild(Connection c, ArticleRow citing) throws SQLException {
        Set<UUID> affected = new HashSet<>();
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM citation_link WHERE citing_article_id = ? RETURNING cited_article_id")) {
            delete.setObject(1, citing.id());
            try (ResultSet r = delete.executeQuery()) {
                while (r.next()) {
                    affected.add(r.getObject(1, UUID.class));
                }
            }
        }
        if (citing.citing()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO citation_link (citing_article_id, position, cited_article_id, citing_year)
                    SELECT citing_article_id, position, target_article_id, ?
                    FROM article_reference
                    WHERE citing_article_id = ? AND status = 'RESOLVED' AND target_article_id IS NOT NULL
                    RETURNING cited_article_id""")) {
                ArticleStore.setInteger(insert, 1, citing.year());
                insert.setObject(2, citing.id());
                try (ResultSet r = insert.executeQuery()) {
                    while (r.next()) {
                        affected.add(r.getObject(1, UUID.class));
                    }
                }
            }
        }
        return affected;
    }
}
