package org.scholarly.notification.delivery;

public enum DeliveryStatus {
    /** Waiting for its next attempt at {@code next_attempt_at}. */
    PENDING,
    DELIVERED,
    /** The last allowed attempt failed, or the target was refused; {@code POST .../retry} starts over. */
    FAILED
}
