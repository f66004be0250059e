package org.scholarly.notification.webhook;

/**
 * The target's host did not resolve. At creation that is a refusal; at send time it may be a passing DNS failure,
 * so the attempt is retried like any failed connection.
 */
public class UnresolvableTargetException extends RefusedTargetException {

    public UnresolvableTargetException() {
        super("has a host that does not resolve");
    }
}
