package org.scholarly.testsupport;

import java.time.Duration;
import java.util.List;

/**
 * Bearer tokens for the roles, signed by the key the services under test trust and issued for every service's
 * audience (as a local token is), so that one token works on whichever service a test talks to.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String forRole(String role) {
        return forSubject(role + "-user", role);
    }

    public static String forSubject(String subject, String... roles) {
        return RealInfrastructure.jwtIssuer().token(subject, List.of(roles), Duration.ofHours(1));
    }

    /** The value of an {@code Authorization} header. */
    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }
}
