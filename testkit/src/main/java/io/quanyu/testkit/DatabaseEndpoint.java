package io.quanyu.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A running PostgreSQL server a test can create databases on: its JDBC URL up to the database name (ending
 * in {@code /}), credentials, how it was obtained ("embedded", "testcontainers" or "external") and how to stop it.
 */
public record DatabaseEndpoint(String serverUrl, String username, String password, String origin, Runnable stop)
        implements AutoCloseable {

    /** JDBC URL of a database on this server, e.g. {@code jdbc:postgresql://localhost:5432/name}. */
    public String jdbcUrl(String database) {
        return serverUrl + database;
    }

    @Override
    public void close() {
        stop.run();
    }

    /** Creates a fresh empty database and returns its name; each test application gets its own. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + Long.toString(System.nanoTime(), 36)).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username, password)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + jdbcUrl("postgres") + ": " + e.getMessage(), e);
        }
        return name;
    }
}
