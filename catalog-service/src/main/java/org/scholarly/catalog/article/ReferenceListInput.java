package org.scholarly.catalog.article;

import jakarta.validation.constraints.NotNull;

import java.util.List;

public record ReferenceListInput(@NotNull List<ReferenceEntry> references) {
}
