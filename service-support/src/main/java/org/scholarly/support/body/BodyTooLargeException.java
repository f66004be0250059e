package org.scholarly.support.body;

import java.io.IOException;

/**
 * A request body read past its cap. An {@link IOException}, because that is what a body reader lets through as it
 * is: JSON parsers wrap other exceptions thrown while they read into "malformed body" errors.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long max) {
        super("The body has more than the " + max + " bytes accepted");
    }
}
