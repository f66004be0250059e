package org.scholarly.catalog.article;

public enum AuthorRole {
    FIRST, CORRESPONDING
}
