package org.scholarly.catalog.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.scholarly.support.security.Roles;

/** Who is calling: the token subject names the actor in article history. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isEditor() {
        return !identity.isAnonymous() && identity.hasRole(Roles.EDITOR);
    }
}
