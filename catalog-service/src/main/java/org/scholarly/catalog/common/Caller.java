package org.scholarly.catalog.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is calling: the token subject names the actor in article history. */
@RequestScoped
public class Caller {

    public static final String EDITOR = "editor";
    public static final String INGEST = "ingest";
    public static final String READER = "reader";

    @Inject
    SecurityIdentity identity;

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isEditor() {
        return !identity.isAnonymous() && identity.hasRole(EDITOR);
    }
}
