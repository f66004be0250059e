package org.scholarly.citation.article;

import org.scholarly.citation.resolution.LookupKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code article_lookup_key}: the keys each citable article is found by ({@link LookupKeys}). Written when an
 * article arrives or changes what it matches on; the keys of the previous version are computed again to delete
 * exactly them, through the primary key, so that no second index on the table is needed.
 */
public final class ArticleLookupKeys {

    private ArticleLookupKeys() {
    }

    /** The keys an open reference may share with the article (what a newly arrived article looks for). */
    public static Set<Long> of(ArticleRow article) {
        return LookupKeys.ofArticle(article.doi(), article.year(), article.firstPage(), article.volume(), article.issueNumber(),
                article.titleKeys());
    }

    /** Everything the article is found by: {@link #of} and its authors' names with its year. */
    static Set<Long> stored(ArticleRow article) {
        Set<Long> keys = new LinkedHashSet<>(of(article));
        keys.addAll(LookupKeys.authorYears(article.authorLatin(), article.year()));
        keys.addAll(LookupKeys.authorYears(article.authorHangul(), article.year()));
        return keys;
    }

    /** Makes the stored keys those of {@code after} (none unless it is citable). */
    public static void replace(Connection c, ArticleRow before, ArticleRow after) throws SQLException {
        if (before != null && before.citable()) {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM article_lookup_key WHERE article_id = ? AND lookup_key = ANY (?)")) {
                delete.setObject(1, before.id());
                delete.setArray(2, c.createArrayOf("bigint", stored(before).toArray()));
                delete.executeUpdate();
            }
        }
        if (after.citable()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO article_lookup_key (lookup_key, article_id) SELECT unnest(?::bigint[]), ?
                    ON CONFLICT DO NOTHING""")) {
                insert.setArray(1, c.createArrayOf("bigint", stored(after).toArray()));
                insert.setObject(2, after.id());
                insert.executeUpdate();
            }
        }
    }
}
