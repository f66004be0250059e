package org.scholarly.catalog.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journal as the API returns it to editors, and in listings to everyone; the detail adds issues with article counts
 * and the accreditation history with who recorded each change and why. Readers who are not editors get
 * {@link JournalPublicView} for the detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A journal; in a listing without articleCount, issues and accreditationHistory. As a detail, this "
        + "is what editors see (submissions counted, every issue, recorder and comment of each accreditation change).")
public record JournalView(
        UUID id,
        Map<String, String> titles,
        Map<String, String> publisher,
        String researchArea,
        Accreditation accreditation,
        String issnPrint,
        String issnElectronic,
        List<String> externalIds,
        Long articleCount,
        List<IssueSummary> issues,
        List<AccreditationEntry> accreditationHistory,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements JournalDetail {

    public record IssueSummary(UUID id, int year, String volume, String number, LocalDate publicationDate, long articleCount) {
    }

    public record AccreditationEntry(Accreditation status, LocalDate effectiveFrom, OffsetDateTime recordedAt,
                                     String recordedBy, String comment) {
    }

    static JournalView summary(Journal j) {
        return new JournalView(j.id, j.titles, j.publisher, j.researchArea, j.accreditation, j.issnPrint, j.issnElectronic,
                j.externalIds, null, null, null, j.createdAt, j.updatedAt);
    }
}
