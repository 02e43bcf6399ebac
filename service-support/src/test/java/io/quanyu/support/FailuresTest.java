package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** What is waited out and what is the record's fault. */
class FailuresTest {

    @Test
    void outagesConflictsAndDeploymentErrorsAreTransient() {
        assertThat(Failures.isTransient(new SQLException("Connection refused", "08001", new ConnectException("refused")))).isTrue();
        assertThat(Failures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("relation \"product\" does not exist", "42P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(Failures.isTransient(new ExecutionException(new TimeoutException("Expiring 3 record(s)")))).isTrue();
        // A wrapper with no meaning of its own does not hide the cause.
        assertThat(Failures.isTransient(new IllegalStateException("cannot read stored offsets", new SQLException("gone", "08006")))).isTrue();
    }

    @Test
    void dataErrorsAreTheRecordsFault() {
        assertThat(Failures.isTransient(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("numeric field overflow", "22003"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("index row size 4000 exceeds btree version 4 maximum 2704", "54000"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("null value in column violates not-null constraint", "23502"))).isFalse();
        assertThat(Failures.isTransient(new ArithmeticException("BigInteger would overflow supported range"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        assertThat(Failures.isTransient(new ExecutionException(new RecordTooLargeException("too large")))).isFalse();
        assertThat(Failures.isTransient(new UncheckedIOException(new JsonParseException(null, "bad")))).isFalse();
        assertThat(Failures.isTransient(new StackOverflowError())).isFalse();
    }

    @Test
    void theDescriptionNamesTheDatabasesReason() {
        assertThat(Failures.describe(new RuntimeException("wrapper", new SQLException("numeric field overflow", "22003"))))
                .isEqualTo("SQLException: numeric field overflow");
    }
}
