package org.scholarly.catalog.article;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryView(long version, HistoryEntry.Action action, String actor, OffsetDateTime at, String fromStatus,
                          String toStatus, String comment, List<String> changedFields) {

    static HistoryView of(HistoryEntry e) {
        return new HistoryView(e.version, e.action, e.actor, e.at, e.fromStatus, e.toStatus, e.comment, e.changedFields);
    }
}
