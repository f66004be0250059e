package org.scholarly.contract;

/** An event that breaks the contract. Consumers dead-letter it rather than retry it. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
