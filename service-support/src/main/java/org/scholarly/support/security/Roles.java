package org.scholarly.support.security;

/**
 * The role names that tokens carry in their {@code groups} claim, one list for every service, for
 * {@code @RolesAllowed} and for checks in code.
 */
public final class Roles {

    /** Curates the catalog, runs reference builds, manages subscriptions and deliveries. */
    public static final String EDITOR = "editor";
    /** Machine clients that submit articles and ingest jobs. */
    public static final String INGEST = "ingest";
    /** Signed-in readers: their own inbox. */
    public static final String READER = "reader";
    /** Operators: metrics and the API document when they are not public (scholarly.management.roles). */
    public static final String OPS = "ops";

    private Roles() {
    }
}
