package org.scholarly.support.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that only reads although its HTTP method is not GET or HEAD (OAI-PMH takes its arguments by POST
 * as well as by GET): the anonymous read limit counts it and the write limit does not. The OpenAPI document states the
 * same fact with {@code @Extension(name = "x-read-only", value = "true")} on the method, which the authorisation
 * matrix of the tests accepts for a public operation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {
}
