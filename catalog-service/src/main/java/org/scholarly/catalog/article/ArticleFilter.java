package org.scholarly.catalog.article;

import org.scholarly.catalog.common.Checks;
import org.scholarly.catalog.common.Cursor;
import org.scholarly.catalog.common.TextKeys;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.paging.Paging;
import org.scholarly.support.problem.Problem.FieldError;
import org.scholarly.support.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The query parameters of GET /api/v1/articles, checked: every bad one is named in a single 400. */
public record ArticleFilter(UUID journalId, Integer year, WorkflowStatus status, ReferenceStatus referenceStatus,
                            String q, int limit, Cursor cursor) {

    /**
     * The trigram index answers a substring search only from three characters on; a shorter {@code q} would make
     * PostgreSQL read every article's title and abstract. Not a setting: below three no index can help.
     */
    public static final int MIN_QUERY_CHARS = 3;
    public static final int MAX_QUERY_CHARS = 200;

    public static ArticleFilter parse(String journalId, Integer year, String status, String referenceStatus,
                                      String q, PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        UUID journal = null;
        if (journalId != null) {
            try {
                journal = UUID.fromString(journalId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("journalId", "is not a UUID"));
            }
        }
        Checks.year(year, "year", errors);
        WorkflowStatus workflow = parseEnum(WorkflowStatus.class, status, "status", errors);
        ReferenceStatus references = parseEnum(ReferenceStatus.class, referenceStatus, "referenceStatus", errors);
        if (q != null && (searchedCharacters(q) < MIN_QUERY_CHARS || q.length() > MAX_QUERY_CHARS)) {
            errors.add(new FieldError("q", "must have " + MIN_QUERY_CHARS + " to " + MAX_QUERY_CHARS
                    + " characters (at least " + MIN_QUERY_CHARS + " after spaces are collapsed)"));
        }
        int pageSize = Paging.DEFAULT_LIMIT;
        try {
            pageSize = page.limit();
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        Cursor position = null;
        try {
            position = Cursor.decode(page.cursor());
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new ArticleFilter(journal, year, workflow, references, q, pageSize, position);
    }

    /** Characters of the form that is compared with the index (see {@link TextKeys#searchForm}). */
    private static int searchedCharacters(String q) {
        String form = TextKeys.searchForm(q);
        return form.codePointCount(0, form.length());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
