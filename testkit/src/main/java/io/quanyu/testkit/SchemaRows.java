package io.quanyu.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts rows in tables of a shared database, named by schema, until every one has some or time runs out; and checks
 * that other tables are absent (a service's table in {@code public} would mean its connections ignored its schema).
 * Used by {@code .ci/external-infra}, which needs no psql.
 * <pre>
 * SchemaRows &lt;jdbc-url&gt; &lt;user&gt; &lt;password&gt; [--wait SECONDS] [--absent SCHEMA.TABLE]... SCHEMA.TABLE...
 * </pre>
 * Exits 0 when every table has rows and no absent one exists, 1 otherwise.
 */
public final class SchemaRows {

    private SchemaRows() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: SchemaRows <jdbc-url> <user> <password> [--wait SECONDS] [--absent SCHEMA.TABLE]... SCHEMA.TABLE...");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = args[2];
        long waitMs = 60_000;
        List<String> tables = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--wait" -> waitMs = Long.parseLong(args[++i]) * 1000;
                case "--absent" -> absent.add(args[++i]);
                default -> tables.add(args[i]);
            }
        }
        long deadline = System.currentTimeMillis() + waitMs;
        Map<String, Long> counts;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            while (true) {
                counts = counts(c, tables);
                if (counts.values().stream().allMatch(n -> n > 0) || System.currentTimeMillis() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
            boolean ok = true;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                System.out.printf("  %-36s %,10d rows%s%n", e.getKey(), e.getValue(), e.getValue() > 0 ? "" : "   <- none");
                ok &= e.getValue() > 0;
            }
            for (String table : absent) {
                boolean exists = exists(c, table);
                System.out.printf("  %-36s %s%n", table, exists ? "exists   <- should not" : "absent, as it should be");
                ok &= !exists;
            }
            System.exit(ok ? 0 : 1);
        }
    }

    private static Map<String, Long> counts(Connection c, List<String> tables) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : tables) {
            if (!exists(c, table)) {
                out.put(table, 0L);
                continue;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quoted(table))) {
                rs.next();
                out.put(table, rs.getLong(1));
            }
        }
        return out;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (var s = c.prepareStatement("SELECT to_regclass(?)")) {
            s.setString(1, quoted(table));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) != null;
            }
        }
    }

    /** {@code schema.table} as a quoted identifier pair. */
    private static String quoted(String table) {
        String[] parts = table.split("\\.", 2);
        if (parts.length != 2 || !parts[0].matches("[a-z_][a-z0-9_]*") || !parts[1].matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not schema.table in lower case: " + table);
        }
        return "\"" + parts[0] + "\".\"" + parts[1] + "\"";
    }
}
