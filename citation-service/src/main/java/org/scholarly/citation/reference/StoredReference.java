package org.scholarly.citation.reference;

import org.scholarly.citation.resolution.ReferenceResolver;
import org.scholarly.citation.resolution.Resolution;

import java.util.UUID;

/** One reference of a citing article as stored, with its current resolution. */
public record StoredReference(UUID citingArticleId, int position, ReferenceResolver.Input input, Resolution resolution) {
}
