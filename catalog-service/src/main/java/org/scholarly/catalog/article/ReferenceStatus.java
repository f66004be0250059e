package org.scholarly.catalog.article;

public enum ReferenceStatus {
    NOT_SUPPLIED, PENDING, BUILDING, BUILT, PARTIAL, FAILED;

    /** The status an article's reference list starts from; afterwards the citation-service moves it. */
    public static ReferenceStatus initialFor(java.util.List<?> references) {
        return references == null || references.isEmpty() ? NOT_SUPPLIED : PENDING;
    }
}
