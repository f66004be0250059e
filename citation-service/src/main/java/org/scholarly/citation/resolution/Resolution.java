package org.scholarly.citation.resolution;

import java.util.UUID;

/** The outcome for one reference. {@code target} is set only when {@code status} is RESOLVED. */
public record Resolution(Status status, UUID target, Method method, Double score, int candidates) {

    public enum Status { RESOLVED, UNRESOLVED, AMBIGUOUS }

    public enum Method { DOI, STRUCTURED, UNSTRUCTURED }

    public static Resolution unresolved(Method method, Double bestScore, int candidates) {
        return new Resolution(Status.UNRESOLVED, null, method, bestScore, candidates);
    }

    public boolean resolved() {
        return status == Status.RESOLVED;
    }
}
