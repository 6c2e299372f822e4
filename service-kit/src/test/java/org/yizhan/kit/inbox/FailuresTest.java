package org.yizhan.kit.inbox;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    static SQLException sql(String state) {
        return new SQLException("failure", state);
    }

    /** As Hibernate hands it to the consumer: a JPA exception around its own around the driver's. */
    static RuntimeException wrapped(SQLException e) {
        return new PersistenceException(new GenericJDBCException("could not execute statement", e));
    }

    /** What a request answers 503 for (ProblemMappers) instead of 500: the database cannot be used now. */
    @Test
    void theDatabaseBeingAwayIsUnavailableAndOtherFailuresAreNot() {
        assertTrue(Failures.databaseUnavailable(wrapped(
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertTrue(Failures.databaseUnavailable(wrapped(sql("08006"))), "an I/O error on a session the server ended");
        assertTrue(Failures.databaseUnavailable(wrapped(sql("57P01"))), "admin shutdown");
        assertTrue(Failures.databaseUnavailable(wrapped(sql("57P03"))), "the server is starting");
        assertTrue(Failures.databaseUnavailable(new JDBCConnectionException("gone", sql("08003"))));
        assertFalse(Failures.databaseUnavailable(wrapped(sql("23505"))), "a unique violation is the request's");
        assertFalse(Failures.databaseUnavailable(wrapped(sql("40001"))), "a serialization failure is not an outage");
        assertFalse(Failures.databaseUnavailable(wrapped(sql(null))), "no state, not from the pool");
        assertFalse(Failures.databaseUnavailable(new IllegalStateException("a defect")));
    }

    @Test
    void theDatabaseBeingAwayIsTransient() {
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(sql("08006"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new JDBCConnectionException("gone", sql("08003"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(sql("57P01"))), "admin shutdown");
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(sql("57P03"))), "cannot connect now");
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(sql("53300"))), "too many connections");
    }

    @Test
    void conflictsBetweenTransactionsAndTimeoutsAreTransient() {
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(sql("40001"))), "serialization failure");
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(sql("40P01"))), "deadlock");
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new LockAcquisitionException("lock", sql("55P03"))));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(sql("57014"))), "statement timeout");
        assertEquals(FailureKind.TRANSIENT, Failures.classify(
                new QuarkusTransactionException(new RollbackException("ARJUNA016102"))), "transaction timeout");
    }

    @Test
    void thePoolGivingNoConnectionIsTransient() {
        SQLException timeout = new SQLException("Sorry, acquisition timeout!");
        timeout.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", null, 1)});
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(timeout)));
    }

    @Test
    void aFailureChainedBehindABatchIsFound() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "", new int[0]);
        batch.setNextException(sql("40P01"));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(wrapped(batch)));
    }

    @Test
    void kafkaRetriableErrorsAndFailedDeadLetterWritesAreTransient() {
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new TimeoutException("no metadata")));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new NotEnoughReplicasException("isr")));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(
                new DeadLetterWriteException("cannot write", new IllegalStateException("closed"))));
    }

    @Test
    void contractViolationsAndDataThatDoesNotMapArePermanent() {
        assertEquals(FailureKind.PERMANENT, Failures.classify(new IllegalArgumentException("lacks required fields")));
        assertEquals(FailureKind.PERMANENT, Failures.classify(new IllegalArgumentException("data is not a Note",
                MismatchedInputException.from(null, String.class, "bad"))));
        assertEquals(FailureKind.PERMANENT, Failures.classify(new DateTimeParseException("bad", "x", 0)));
        assertEquals(FailureKind.PERMANENT, Failures.classify(wrapped(sql("22001"))), "value too long");
    }

    @Test
    void aTransientCauseWinsOverAPermanentWrapper() {
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new IllegalArgumentException("wrapped", sql("08006"))));
    }

    @Test
    void anythingElseIsUnknown() {
        assertEquals(FailureKind.UNKNOWN, Failures.classify(new NullPointerException()));
        assertEquals(FailureKind.UNKNOWN, Failures.classify(new IllegalStateException("a bug")));
        assertEquals(FailureKind.UNKNOWN, Failures.classify(wrapped(sql("23505"))), "unique violation");
        assertEquals(FailureKind.UNKNOWN, Failures.classify(wrapped(new SQLException("no state"))));
    }

    @Test
    void theReasonQuotesOnlyOurOwnMessages() {
        assertEquals("IllegalArgumentException: station.registered lacks required fields",
                Failures.describe(new IllegalArgumentException("station.registered lacks required fields")));
        // A library's message may quote the payload: only its type is kept.
        NumberFormatException library = new NumberFormatException("For input string: \"13812345678\"");
        library.setStackTrace(new StackTraceElement[] {new StackTraceElement("java.lang.Long", "parseLong", null, 1)});
        String reason = Failures.describe(library);
        assertEquals("NumberFormatException", reason);
        assertFalse(reason.contains("138"));
        IllegalArgumentException ours = new IllegalArgumentException("data is not a Note",
                MismatchedInputException.from(null, String.class, "value \"张三\" is not a string"));
        assertEquals("IllegalArgumentException: data is not a Note (MismatchedInputException)", Failures.describe(ours));
        assertTrue(Failures.describe(new IllegalArgumentException("x".repeat(1000))).length() <= 300);
    }
}
