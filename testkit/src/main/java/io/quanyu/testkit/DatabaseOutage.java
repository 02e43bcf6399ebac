package io.quanyu.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A real outage of one test database (its sessions ended, new ones refused) while the server and other tests' databases go on. */
public final class DatabaseOutage implements AutoCloseable {

    private final String serverUrl;
    private final String database;
    private final String username;
    private final String password;
    private boolean cut;

    private DatabaseOutage(String serverUrl, String database, String username, String password) {
        this.serverUrl = serverUrl;
        this.database = database;
        this.username = username;
        this.password = password;
    }

    /** For the database of a JDBC URL such as {@code jdbc:postgresql://localhost:5432/test_x} (the service's own, from its config). */
    public static DatabaseOutage of(String jdbcUrl, String username, String password) {
        String withoutParams = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
        int slash = withoutParams.lastIndexOf('/');
        return new DatabaseOutage(withoutParams.substring(0, slash + 1), withoutParams.substring(slash + 1), username, password);
    }

    /**
     * Refuses new connections to the database and ends every open one: the service's pooled connections break mid-use
     * and new ones fail, as when the server is away.
     */
    public synchronized void begin() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS false");
            // Twice: a session that was authenticating while the first pass ran is ended by the second.
            for (int pass = 0; pass < 2; pass++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    ps.setString(1, database);
                    ps.executeQuery().close();
                }
                Thread.sleep(100);
            }
            cut = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot cut database " + database + " off: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cutting database " + database + " off", e);
        }
    }

    /** Accepts connections to the database again. */
    public synchronized void end() {
        if (!cut) {
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS true");
            cut = false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot restore database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        end();
    }

    /** A session on the server's maintenance database, which the outage leaves alone. */
    private Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl + "postgres", username, password);
    }
}
