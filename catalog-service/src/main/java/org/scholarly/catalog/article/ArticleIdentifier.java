package org.scholarly.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A key ingestion recognises an article by; the primary key makes two articles with one DOI impossible. */
@Entity
@Table(name = "article_identifier")
public class ArticleIdentifier extends PanacheEntityBase {

    @Id
    public String key;
    @Column(name = "article_id")
    public UUID articleId;

    public static ArticleIdentifier of(String key, UUID articleId) {
        ArticleIdentifier identifier = new ArticleIdentifier();
        identifier.key = key;
        identifier.articleId = articleId;
        return identifier;
    }
}
