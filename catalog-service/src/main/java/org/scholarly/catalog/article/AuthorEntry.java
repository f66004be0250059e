package org.scholarly.catalog.article;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One author in the order of the byline. {@code names} and {@code familyNames} are keyed by script or language
 * (ko: 안치영, en: Ahn Chi-Young); each affiliation is a map by language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorEntry(
        Map<String, String> names,
        Map<String, String> familyNames,
        List<Map<String, String>> affiliations,
        String orcid,
        List<AuthorRole> roles) {
}
