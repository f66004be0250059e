package org.scholarly.catalog.journal;

/**
 * A journal's detail as one caller may see it: editors get {@link JournalView}, everyone else
 * {@link JournalPublicView}, which has no field for what only editors may read.
 */
public sealed interface JournalDetail permits JournalView, JournalPublicView {
}
