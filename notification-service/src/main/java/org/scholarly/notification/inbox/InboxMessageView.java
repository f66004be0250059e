package org.scholarly.notification.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxMessageView(
        UUID id,
        String recipient,
        String type,
        String subject,
        String body,
        OffsetDateTime createdAt,
        boolean read,
        OffsetDateTime readAt) {

    static InboxMessageView of(InboxMessage m) {
        return new InboxMessageView(m.id, m.recipient, m.notificationType, m.subject, m.body, m.createdAt,
                m.readAt != null, m.readAt);
    }
}
