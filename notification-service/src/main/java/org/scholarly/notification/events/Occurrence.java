package org.scholarly.notification.events;

import java.util.Map;
import java.util.UUID;

/**
 * Something worth a notification, derived from one event.
 *
 * @param dedupeKey names the occurrence itself (this decision, this milestone), so that two events about the same
 *                  occurrence still produce one notification per subscription
 * @param details   type-specific values for the templates and the webhook payload; never null values
 */
public record Occurrence(
        String type,
        String dedupeKey,
        UUID journalId,
        UUID articleId,
        Map<String, String> articleTitles,
        Map<String, String> journalTitles,
        Map<String, Object> details) {
}
