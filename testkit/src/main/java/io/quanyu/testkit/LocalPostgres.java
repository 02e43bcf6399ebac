package io.quanyu.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * {@code ./quanyu up}'s PostgreSQL: the embedded binaries on a fixed port with a data directory that
 * survives restarts, and one database per service. Runs until the process is stopped.
 * Arguments: {@code <port> <dataDir> <workDir> <database>...}.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres <port> <dataDir> <workDir> <database>...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        File data = new File(args[1]);
        File work = new File(args[2]);
        work.mkdirs();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .start();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres")) {
            for (int i = 3; i < args.length; i++) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + args[i].replace("'", "") + "'")) {
                    if (!rs.next()) {
                        c.createStatement().execute("CREATE DATABASE " + args[i].replaceAll("[^a-z0-9_]", ""));
                    }
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL stop: " + e);
            }
        }));
        System.out.println("PostgreSQL ready on port " + port);
        Thread.currentThread().join();
    }
}
