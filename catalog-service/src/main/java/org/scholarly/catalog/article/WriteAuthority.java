package org.scholarly.catalog.article;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a write may change in an existing article: one a record matches on DOI, external id or natural key (single
 * POST or bulk job), or one whose reference list is replaced. Editors may change any article. The ingest role may correct published articles freely, as pipelines do; an article that is not published
 * (a submission under review, say) it may change only by naming the article's current version in If-Match, which
 * it can only have from an editor: matching a DOI alone must not overwrite reviewed content.
 *
 * <p>A refusal says nothing about the article that was hit, neither id nor status nor version: the caller may not
 * even be allowed to know that it exists.
 *
 * @param ifMatch the version the caller names, or null; bulk jobs have none
 */
public record WriteAuthority(boolean editor, Long ifMatch) {

    public static final String PROTECTED = "A record with this identifier exists and cannot be changed by this request";

    /** Bulk jobs are submitted with the ingest role and carry no If-Match. */
    public static WriteAuthority bulk() {
        return new WriteAuthority(false, null);
    }

    /** Empty when the record may be written to {@code target}; otherwise why it is refused (a 409). */
    public Optional<String> refusal(Article target) {
        boolean free = editor || target.workflowStatus == WorkflowStatus.PUBLISHED;
        if (ifMatch == null) {
            return free ? Optional.empty() : Optional.of(PROTECTED);
        }
        if (ifMatch == target.version) {
            return Optional.empty();
        }
        return Optional.of(free ? ArticleService.staleVersion(target, ifMatch) : PROTECTED);
    }

    /** If-Match names a version of an article to change; a record that matches none must not quietly create one. */
    public Optional<String> refusalWithoutMatch() {
        return ifMatch == null ? Optional.empty()
                : Optional.of("If-Match names an article version, but the record matches no article");
    }

    /** Editors may learn which articles a record's identifiers point to; anyone else is told only that they differ. */
    public String identifiersOfDifferentArticles(Set<UUID> owners) {
        return "the record's identifiers belong to different articles" + (editor ? ": " + owners : "");
    }
}
