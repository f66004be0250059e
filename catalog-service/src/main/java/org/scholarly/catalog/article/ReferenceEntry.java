package org.scholarly.catalog.article;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One entry of a reference list: the raw citation string and/or its structured fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceEntry(
        String raw,
        List<String> authors,
        String title,
        String container,
        Integer year,
        String volume,
        String issue,
        String firstPage,
        String lastPage,
        String doi) {
}
