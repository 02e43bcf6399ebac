package io.quanyu.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A running PostgreSQL server a test can create databases on, and how it was obtained. */
public interface DatabaseEndpoint extends AutoCloseable {

    /** JDBC URL of a database on this server, e.g. {@code jdbc:postgresql://localhost:5432/name}. */
    String jdbcUrl(String database);

    String username();

    String password();

    /** "embedded", "testcontainers" or "external". */
    String origin();

    @Override
    void close();

    /** Creates a fresh empty database and returns its name; each test application gets its own. */
    default String createDatabase(String prefix) {
        String name = (prefix + "_" + Long.toString(System.nanoTime(), 36)).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), password())) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + jdbcUrl("postgres") + ": " + e.getMessage(), e);
        }
        return name;
    }
}
