package org.scholarly.catalog.journal;

import java.time.LocalDate;

public record IssueInput(Integer year, String volume, String number, LocalDate publicationDate) {
}
