package org.scholarly.support.messaging;

/** Why applying an event failed, which decides what a consumer does next (see {@link ConsumerFailurePolicy}). */
public enum FailureKind {

    /**
     * Our own infrastructure is away or busy (connection lost, pool cannot connect, deadlock, rollback, broker
     * unreachable). The event is fine: wait and try again for as long as it takes, never dead-letter it.
     */
    TRANSIENT,

    /** The record breaks the contract (no value, not JSON, schema violation, a type foreign to the topic): dead-letter it at once. */
    CONTRACT,

    /** Anything else: a bug or data the database refuses. A few more attempts, then the record is dead-lettered alone. */
    UNEXPECTED
}
