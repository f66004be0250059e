package org.scholarly.notification.delivery;

/**
 * What one attempt at sending achieved.
 *
 * @param permanent the failure cannot heal by waiting (a refused target), so no further attempt is scheduled
 */
public record SendOutcome(boolean succeeded, Integer statusCode, String error, boolean permanent) {

    public static SendOutcome delivered(Integer statusCode) {
        return new SendOutcome(true, statusCode, null, false);
    }

    public static SendOutcome failed(Integer statusCode, String error) {
        return new SendOutcome(false, statusCode, error, false);
    }

    public static SendOutcome refused(String error) {
        return new SendOutcome(false, null, error, true);
    }
}
