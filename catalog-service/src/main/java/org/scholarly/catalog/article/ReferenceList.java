package org.scholarly.catalog.article;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/** GET .../references answers with this; PUT takes only {@code references} (see {@link ReferenceListInput}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceList(UUID articleId, long version, ArticleView.ReferenceStatusView referenceStatus,
                            List<ReferenceEntry> references) {
}
