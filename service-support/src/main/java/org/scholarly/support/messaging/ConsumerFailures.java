package org.scholarly.support.messaging;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import org.apache.kafka.common.errors.RetriableException;
import org.scholarly.contract.InvalidEventException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Sorts a consumer's failure into a {@link FailureKind}; the one rule every consumer of the platform follows. */
public final class ConsumerFailures {

    private ConsumerFailures() {
    }

    public static FailureKind kindOf(Throwable failure) {
        if (find(failure, InvalidEventException.class) != null) {
            return FailureKind.CONTRACT;
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null) {
            // The database's own answer is the most precise one: a rollback wrapped around a unique violation is
            // no less permanent for being a rollback.
            return transientSqlState(sql.getSQLState()) ? FailureKind.TRANSIENT : FailureKind.UNEXPECTED;
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof RollbackException || t instanceof HeuristicMixedException || t instanceof HeuristicRollbackException
                    || t instanceof ConnectException || t instanceof RetriableException) {
                return FailureKind.TRANSIENT;
            }
        }
        return FailureKind.UNEXPECTED;
    }

    /**
     * No SQLState: the pool or the driver could not reach the server (acquisition timeout, refused connection).
     * 08 connection exception, 40 transaction rollback (serialization failure, deadlock), 53 insufficient resources
     * (too many connections, disk full), 57P operator intervention (shutdown, terminated backend, starting up),
     * 55 object not in prerequisite state (a database closed to connections, a lock not available now).
     */
    /**
     * Whether the database said, or the pool showed, that it is away or busy for now: the same rule decides a
     * consumer's retry and an HTTP 503 with Retry-After, so that clients and consumers agree on what passes.
     */
    public static boolean transientDatabaseFailure(Throwable failure) {
        SQLException sql = find(failure, SQLException.class);
        return sql != null && transientSqlState(sql.getSQLState());
    }

    static boolean transientSqlState(String state) {
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57P") || state.startsWith("55");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The failure and its causes, each once (a cause chain may loop). */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
