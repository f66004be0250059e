package org.scholarly.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The system of record for one article. Authors and the reference list are stored as ordered JSON documents:
 * they are always read and replaced whole, and the citation-service resolves references from the events.
 * {@code version} grows with every change that emits an event; citation data from the citation-service is
 * tracked by its own sequences and does not touch it.
 */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "journal_id")
    public UUID journalId;
    @Column(name = "issue_id")
    public UUID issueId;
    public String doi;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_ids")
    public List<String> externalIds;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> titles;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> abstracts;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> keywords;
    public String language;
    @Column(name = "publication_year")
    public Integer publicationYear;
    @Column(name = "first_page")
    public String firstPage;
    @Column(name = "last_page")
    public String lastPage;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AuthorEntry> authors;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reference_list")
    public List<ReferenceEntry> references;
    @Enumerated(EnumType.STRING)
    @Column(name = "workflow_status")
    public WorkflowStatus workflowStatus;
    public long version;
    @Column(name = "content_hash")
    public String contentHash;
    @Enumerated(EnumType.STRING)
    @Column(name = "reference_status")
    public ReferenceStatus referenceStatus;
    @Column(name = "reference_notice")
    public String referenceNotice;
    @Column(name = "reference_as_of")
    public OffsetDateTime referenceAsOf;
    @Column(name = "reference_sequence")
    public long referenceSequence;
    @Column(name = "cited_by_count")
    public long citedByCount;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counts_by_year")
    public Map<String, Long> countsByYear;
    @Column(name = "citations_as_of")
    public OffsetDateTime citationsAsOf;
    @Column(name = "citation_sequence")
    public long citationSequence;
    @Column(name = "search_text")
    public String searchText;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_by")
    public String updatedBy;
    /** Set by the database, never changed: breaks ties between equal change times in OAI-PMH harvest positions. */
    @Column(name = "harvest_key", insertable = false, updatable = false)
    public Long harvestKey;

    /**
     * A transient copy, never persisted: lets a write build the event a change would produce, and measure it,
     * before changing the managed article.
     */
    public Article transientCopy() {
        Article copy = new Article();
        copy.id = id;
        copy.journalId = journalId;
        copy.issueId = issueId;
        copy.doi = doi;
        copy.externalIds = externalIds;
        copy.titles = titles;
        copy.abstracts = abstracts;
        copy.keywords = keywords;
        copy.language = language;
        copy.publicationYear = publicationYear;
        copy.firstPage = firstPage;
        copy.lastPage = lastPage;
        copy.authors = authors;
        copy.references = references;
        copy.workflowStatus = workflowStatus;
        copy.version = version;
        copy.contentHash = contentHash;
        copy.referenceStatus = referenceStatus;
        copy.referenceNotice = referenceNotice;
        copy.referenceAsOf = referenceAsOf;
        copy.referenceSequence = referenceSequence;
        copy.citedByCount = citedByCount;
        copy.countsByYear = countsByYear;
        copy.citationsAsOf = citationsAsOf;
        copy.citationSequence = citationSequence;
        copy.searchText = searchText;
        copy.createdAt = createdAt;
        copy.updatedAt = updatedAt;
        copy.createdBy = createdBy;
        copy.updatedBy = updatedBy;
        return copy;
    }

    /** Records a change that consumers will see as a new version. */
    public void touch(String actor, OffsetDateTime at) {
        version++;
        updatedAt = at;
        updatedBy = actor;
    }

    /**
     * A new reference list is the citation-service's to build; the catalog only records that there is (or is no
     * longer) one to build. Statuses the citation-service set are left for it to move.
     */
    public void followReferenceList(OffsetDateTime now) {
        if (references.isEmpty()) {
            referenceStatus = ReferenceStatus.NOT_SUPPLIED;
            referenceNotice = null;
            referenceAsOf = now;
        } else if (referenceStatus == ReferenceStatus.NOT_SUPPLIED) {
            referenceStatus = ReferenceStatus.PENDING;
            referenceAsOf = now;
        }
    }
}
