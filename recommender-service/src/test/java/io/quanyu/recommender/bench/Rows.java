package io.quanyu.recommender.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

/** Waits for the recommender's interaction table to hold what a benchmark published. */
final class Rows {

    private Rows() {
    }

    /** Returns the interaction count once it reaches {@code expected}; fails after {@code timeout}. */
    static long await(Map<String, String> env, long expected, Duration timeout) throws Exception {
        return await(env, "interaction", expected, timeout);
    }

    /** Returns the row count of {@code table} once it reaches {@code expected}; fails after {@code timeout}. */
    static long await(Map<String, String> env, String table, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(env.get("QUANYU_DB_URL"), env.get("QUANYU_DB_USER"), env.get("QUANYU_DB_PASSWORD"))) {
            long n = 0;
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    n = rs.getLong(1);
                }
                if (n >= expected) {
                    return n;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("only " + n + " of " + expected + " rows of " + table + " arrived within " + timeout);
        }
    }
}
