package org.scholarly.catalog.journal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** PATCH /api/v1/journals/{id}: a new accreditation status, from a date (default today), with an optional comment. */
public record AccreditationPatch(@NotNull Accreditation accreditation, LocalDate effectiveFrom, @Size(max = 4000) String comment) {
}
