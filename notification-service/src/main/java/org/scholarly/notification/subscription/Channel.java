package org.scholarly.notification.subscription;

/** How a subscriber hears about a notification. */
public enum Channel {
    /** An email to the target address, rendered in the subscription's locale. */
    EMAIL,
    /** A signed HTTP POST to the target URL. */
    WEBHOOK,
    /** A message in the target recipient's inbox, read through the API. */
    INBOX
}
