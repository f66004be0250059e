package org.scholarly.notification.webhook;

/** A webhook target that the service will not call. */
public class RefusedTargetException extends RuntimeException {

    public RefusedTargetException(String message) {
        super(message);
    }
}
