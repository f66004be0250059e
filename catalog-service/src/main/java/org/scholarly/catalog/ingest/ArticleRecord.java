package org.scholarly.catalog.ingest;

import org.scholarly.catalog.article.AuthorEntry;
import org.scholarly.catalog.article.ReferenceEntry;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.journal.IssueInput;
import org.scholarly.catalog.journal.JournalInput;

import java.util.List;
import java.util.Map;

/**
 * An article in the native JSON ingestion form (see samples/). Server-owned fields (id, version, referenceStatus,
 * citation data, audit fields) are deliberately absent: unknown properties fail the request, naming the field.
 */
public record ArticleRecord(
        Map<String, String> titles,
        Map<String, String> abstracts,
        Map<String, List<String>> keywords,
        Integer publicationYear,
        String firstPage,
        String lastPage,
        String doi,
        List<String> externalIds,
        String language,
        WorkflowStatus workflowStatus,
        JournalInput journal,
        IssueInput issue,
        List<AuthorEntry> authors,
        List<ReferenceEntry> references) {
}
