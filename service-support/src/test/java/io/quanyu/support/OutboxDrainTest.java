package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.testkit.DatabaseEndpoint;
import io.quanyu.testkit.Infra;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox round on a real PostgreSQL: marked only after the send, left for the next round on failure, never claimed twice at once. */
class OutboxDrainTest {

    private static DataSource db;

    @BeforeAll
    static void database() throws SQLException {
        DatabaseEndpoint pg = Infra.database();
        String url = pg.jdbcUrl(pg.createDatabase("outbox"));
        db = new Plain(url, pg.username(), pg.password());
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE box (id text PRIMARY KEY, n int NOT NULL, published boolean NOT NULL DEFAULT false)");
            s.execute("INSERT INTO box (id, n) SELECT 'r' || g, g FROM generate_series(1, 10) g");
        }
    }

    private static OutboxDrain<String> drain() {
        return new OutboxDrain<>(db, "SELECT id FROM box WHERE NOT published ORDER BY n LIMIT ? FOR UPDATE SKIP LOCKED", rs -> rs.getString(1),
                "box", "id", id -> id);
    }

    @Test
    void aFailedSendLeavesTheRowsAndTwoRoundsNeverClaimTheSameRows() throws Exception {
        assertThatThrownBy(() -> drain().publish(3, batch -> {
            throw new IllegalStateException("broker away");
        })).hasMessage("broker away");
        assertThat(unpublished()).isEqualTo(10);

        // Round A holds r1..r3 while sending; round B, meanwhile, takes the next three.
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> a = Collections.synchronizedList(new ArrayList<>());
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                drain().publish(3, batch -> {
                    a.addAll(batch);
                    sending.countDown();
                    release.await(10, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> b = new ArrayList<>();
        assertThat(drain().publish(3, b::addAll)).isEqualTo(3);
        release.countDown();
        t.join(10_000);
        assertThat(a).containsExactly("r1", "r2", "r3");
        assertThat(b).containsExactly("r4", "r5", "r6");
        assertThat(unpublished()).isEqualTo(4);
        assertThat(drain().publish(100, batch -> { })).isEqualTo(4);
        assertThat(drain().publish(100, batch -> { })).isZero();
    }

    @Test
    void aQueryThatDoesNotLockIsRefused() {
        assertThatThrownBy(() -> new OutboxDrain<>(db, "SELECT id FROM box WHERE NOT published LIMIT ?", rs -> rs.getString(1), "box", "id", x -> x))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int unpublished() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM box WHERE NOT published")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A DataSource of plain JDBC connections (no pool needed here). */
    private record Plain(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
