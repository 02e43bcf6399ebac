package io.quanyu.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;

/** Real PostgreSQL 14 binaries (shipped as a Maven artifact) run as a child process of the test JVM. */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    static DatabaseEndpoint start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
            return new DatabaseEndpoint("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "postgres",
                    "embedded", () -> {
                        try {
                            postgres.close();
                        } catch (IOException e) {
                            // The JVM is exiting; zonky's own shutdown hook stops the server as well.
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e, e);
        }
    }
}
