package org.scholarly.notification.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/subscriptions}. Server-owned fields (id, secret, createdAt, ...) are not here, so a
 * body that sends them is refused as an unknown property.
 *
 * @param target an email address, an https URL, or an inbox recipient id, depending on the channel
 */
public record SubscriptionRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 2048) String target,
        @NotEmpty @Size(max = 10) Set<@NotBlank String> eventTypes,
        UUID journalId,
        UUID articleId,
        @NotNull @Pattern(regexp = "ko|en", message = "must be ko or en") String locale) {
}
