package org.scholarly.notification.delivery;

import java.math.BigDecimal;
import java.time.Duration;

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

    /**
     * A call cut off at its deadline. The error names only the limit, never the address or what the connection
     * did, so that attempts cannot be read as a port scan of the target.
     */
    public static SendOutcome timedOut(Duration limit) {
        BigDecimal seconds = BigDecimal.valueOf(limit.toMillis()).movePointLeft(3).stripTrailingZeros();
        return failed(null, "timed out after " + seconds.toPlainString() + " s");
    }

    public static SendOutcome refused(String error) {
        return new SendOutcome(false, null, error, true);
    }
}
