package org.scholarly.notification.subscription;

/**
 * The shape check for an email target: one {@code @} with something before it, a domain with a dot inside it, no
 * whitespace. Written as a scan rather than a pattern: {@code [^@\s]+@[^@\s]+\.[^@\s]+} backtracks over every dot of
 * a crafted address, seconds of CPU per request for a few thousand dots.
 */
final class EmailAddresses {

    private EmailAddresses() {
    }

    static boolean isPlausible(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || address.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            if (Character.isWhitespace(address.charAt(i)) || isRegexSpace(address.charAt(i))) {
                return false;
            }
        }
        // A dot with at least one character on each side, inside the domain.
        int dot = address.indexOf('.', at + 2);
        return dot >= 0 && dot < address.length() - 1;
    }

    /** What {@code \s} matched before, so that no address accepted then is refused now, nor the reverse. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
