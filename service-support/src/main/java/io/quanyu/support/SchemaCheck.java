package io.quanyu.support;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service whose tables are not where its connections look, instead of retrying a missing
 * relation for ever. Runs before every other start-up observer, after Flyway's migration at start.
 * <ul>
 * <li>{@code quanyu.db.schema} ({@code QUANYU_DB_SCHEMA}): the schema the service's connections use; unset means
 * the database's own search path, as when each service has its own database.</li>
 * <li>{@code quanyu.db.required-tables}: tables the service's migrations create; every one must be in that schema.</li>
 * </ul>
 * Without a datasource (a module with no database) it does nothing.
 */
@ApplicationScoped
public class SchemaCheck {

    private static final Logger LOG = Logger.getLogger(SchemaCheck.class);

    private final Instance<DataSource> dataSources;
    private final Optional<String> schema;
    private final Optional<List<String>> requiredTables;
    private final Optional<String> url;
    private final String application;

    public SchemaCheck(Instance<DataSource> dataSources,
            @ConfigProperty(name = "quanyu.db.schema") Optional<String> schema,
            @ConfigProperty(name = "quanyu.db.required-tables") Optional<List<String>> requiredTables,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "the service") String application) {
        this.dataSources = dataSources;
        this.schema = schema.map(String::trim).filter(s -> !s.isEmpty());
        this.requiredTables = requiredTables;
        this.url = url;
        this.application = application;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!dataSources.isResolvable()) {
            return;
        }
        String problem;
        try (Connection c = dataSources.get().getConnection()) {
            problem = problem(c, schema, requiredTables.orElse(List.of()));
        } catch (SQLException e) {
            problem = "cannot check its tables in " + where() + ": " + e.getMessage();
        }
        if (problem != null) {
            String message = application + " cannot start: " + problem;
            LOG.error(message);
            throw new IllegalStateException(message);
        }
        LOG.debugf("tables present in schema %s", schema.orElse("(database default)"));
    }

    /** What is wrong with the schema {@code c} uses, or null when every required table is in it. */
    String problem(Connection c, Optional<String> expected, List<String> required) throws SQLException {
        String current;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            current = rs.next() ? rs.getString(1) : null;
        }
        String named = expected.map(n -> "schema \"" + n + "\" (QUANYU_DB_SCHEMA=" + n + ")")
                .orElse("the database's default schema (QUANYU_DB_SCHEMA unset)");
        if (current == null) {
            return named + " does not exist in " + where() + ". " + remedy(expected);
        }
        if (expected.isPresent() && !expected.get().equals(current)) {
            return "its connections use schema \"" + current + "\", not " + named
                    + " (is quarkus.datasource.jdbc.new-connection-sql overridden?)";
        }
        Set<String> present = new TreeSet<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(c.getCatalog(), current, "%", null)) {
            while (rs.next()) {
                if (current.equals(rs.getString("TABLE_SCHEM"))) {
                    present.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String table : required) {
            if (!table.isBlank() && !present.contains(table.trim())) {
                missing.add(table.trim());
            }
        }
        if (!missing.isEmpty()) {
            String in = expected.isPresent() ? named : "schema \"" + current + "\", " + named;
            return (missing.size() == required.size() ? "none of its tables are in " : missing.size() + " of its "
                    + required.size() + " tables are missing from ") + in + " of " + where()
                    + " (missing: " + String.join(", ", missing) + "). " + remedy(expected);
        }
        return null;
    }

    private String where() {
        return url.map(u -> u.replaceAll("(?i)(password=)[^&;]*", "$1***")).orElse("the database");
    }

    private static String remedy(Optional<String> expected) {
        return "The service creates its schema and tables itself when quarkus.flyway.migrate-at-start is true "
                + "(QUARKUS_FLYWAY_MIGRATE_AT_START, the default) and its database account may create them; otherwise "
                + "apply its migrations (db/migration in the service) to " + expected.map(n -> "schema \"" + n + "\"")
                        .orElse("that schema") + " first, or set QUANYU_DB_SCHEMA to the schema that holds them.";
    }
}
