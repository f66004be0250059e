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

    /** A cited article and the year it is cited in: what the counters of the cited article are made of. */
    private record CitedIn(UUID cited, int year) {
    }

    /**
     * Makes the links of one citing article match its resolved references (none unless it is a citing article) and
     * returns the cited articles whose counters may move: cited before and not after, or the reverse, or cited in
     * another year. A citing article that gains one reference does not make its thirty other targets recount.
     */
    public static Set<UUID> rebuild(Connection c, ArticleRow citing) throws SQLException {
        Set<CitedIn> before = new HashSet<>();
        Set<CitedIn> after = new HashSet<>();
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM citation_link WHERE citing_article_id = ? RETURNING cited_article_id, citing_year")) {
            delete.setObject(1, citing.id());
            try (ResultSet r = delete.executeQuery()) {
                while (r.next()) {
                    before.add(new CitedIn(r.getObject("cited_article_id", UUID.class), r.getInt("citing_year")));
                }
            }
        }
        if (citing.citing()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO citation_link (citing_article_id, position, cited_article_id, citing_year)
                    SELECT citing_article_id, position, target_article_id, ?
                    FROM article_reference
                    WHERE citing_article_id = ? AND status = 'RESOLVED' AND target_article_id IS NOT NULL
                    RETURNING cited_article_id, citing_year""")) {
                ArticleStore.setInteger(insert, 1, citing.year());
                insert.setObject(2, citing.id());
                try (ResultSet r = insert.executeQuery()) {
                    while (r.next()) {
                        after.add(new CitedIn(r.getObject("cited_article_id", UUID.class), r.getInt("citing_year")));
                    }
                }
            }
        }
        Set<UUID> affected = new HashSet<>();
        before.stream().filter(link -> !after.contains(link)).forEach(link -> affected.add(link.cited()));
        after.stream().filter(link -> !before.contains(link)).forEach(link -> affected.add(link.cited()));
        return affected;
    }
}
