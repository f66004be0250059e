package org.scholarly.support.messaging;

import jakarta.transaction.RollbackException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.InvalidEventException;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerFailuresTest {

    /** How Hibernate, Agroal and our own SQL helpers hand a database failure up: wrapped, once or twice. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("outer", new RuntimeException("could not execute statement", cause));
    }

    @Test
    void treatsALostOrRefusedDatabaseConnectionAsTransient() {
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("An I/O error occurred", "08006")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("Connection refused", "08001")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("the database system is starting up", "57P03"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("database \"catalog\" is not currently accepting connections", "55000"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("too many connections", "53300")))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void treatsAPoolThatCannotConnectAsTransient() {
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("Sorry, acquisition timeout!")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(wrapped(new ConnectException("Connection refused")))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void treatsDeadlocksSerializationFailuresAndRollbacksAsTransient() {
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("deadlock detected", "40P01")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("could not serialize access", "40001")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(ConsumerFailures.kindOf(new RollbackException("ARJUNA016053: Could not commit transaction.")))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void treatsABrokerThatDoesNotAnswerAsTransient() {
        assertThat(ConsumerFailures.kindOf(wrapped(new TimeoutException("Timeout expired while fetching topic metadata"))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void treatsAContractViolationAsTheRecordsFaultWhateverWrapsIt() {
        assertThat(ConsumerFailures.kindOf(new InvalidEventException("Record has no value"))).isEqualTo(FailureKind.CONTRACT);
        assertThat(ConsumerFailures.kindOf(wrapped(new InvalidEventException("Event e1 has data that is not a ReferenceStatusChanged"))))
                .isEqualTo(FailureKind.CONTRACT);
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new InvalidEventException("bad data"));
        assertThat(ConsumerFailures.kindOf(rollback)).isEqualTo(FailureKind.CONTRACT);
    }

    @Test
    void treatsWhatTheDatabaseRefusesForGoodAndBugsAsUnexpected() {
        assertThat(ConsumerFailures.kindOf(wrapped(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))
                .isEqualTo(FailureKind.UNEXPECTED);
        RollbackException uniqueViolationAtCommit = new RollbackException("rolled back");
        uniqueViolationAtCommit.initCause(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(ConsumerFailures.kindOf(uniqueViolationAtCommit)).isEqualTo(FailureKind.UNEXPECTED);
        assertThat(ConsumerFailures.kindOf(new NullPointerException())).isEqualTo(FailureKind.UNEXPECTED);
        assertThat(ConsumerFailures.kindOf(new UncheckedIOException(new java.io.IOException("disk")))).isEqualTo(FailureKind.UNEXPECTED);
    }

    @Test
    void survivesACauseChainThatLoops() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(ConsumerFailures.kindOf(first)).isEqualTo(FailureKind.UNEXPECTED);
    }
}
