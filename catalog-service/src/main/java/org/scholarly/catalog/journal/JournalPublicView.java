package org.scholarly.catalog.journal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journal's detail for readers who are not editors. The accreditation history keeps status and dates but not who
 * recorded a change (a token subject) nor the editor's comment; issues and counts cover published articles only, so
 * an issue that so far holds only submissions does not appear.
 */
@Schema(description = "A journal's detail for readers who are not editors: no recorder or comment in the accreditation "
        + "history; only issues that hold a published article, counting published articles only.")
public record JournalPublicView(
        UUID id,
        Map<String, String> titles,
        Map<String, String> publisher,
        String researchArea,
        Accreditation accreditation,
        String issnPrint,
        String issnElectronic,
        List<String> externalIds,
        long articleCount,
        List<JournalView.IssueSummary> issues,
        List<PublicAccreditationEntry> accreditationHistory,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements JournalDetail {

    public record PublicAccreditationEntry(Accreditation status, LocalDate effectiveFrom, OffsetDateTime recordedAt) {
    }
}
