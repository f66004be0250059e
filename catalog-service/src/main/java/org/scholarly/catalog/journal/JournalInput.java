package org.scholarly.catalog.journal;

import java.util.List;
import java.util.Map;

/** A journal as ingestion records and editors describe it. Server-owned fields are not part of it. */
public record JournalInput(
        Map<String, String> titles,
        Map<String, String> publisher,
        String researchArea,
        Accreditation accreditation,
        String issnPrint,
        String issnElectronic,
        List<String> externalIds) {
}
