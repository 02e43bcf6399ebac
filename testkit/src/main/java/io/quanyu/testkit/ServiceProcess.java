package io.quanyu.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, the way
 * {@code ./quanyu up} and Kubernetes run it: for tests that kill it, and for benchmarks.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private final List<String> jvmArgs;
    private Process process;

    private ServiceProcess(Path jar, Map<String, String> env, Path log, List<String> jvmArgs) {
        this.jar = jar;
        this.port = freePort();
        this.env = new HashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.log = log;
        this.jvmArgs = jvmArgs;
    }

    /** A service on a free port with {@code env} (Kafka, database, secrets) pointing at the test infrastructure. */
    public static ServiceProcess of(Path jar, Map<String, String> env, Path log, String... jvmArgs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the service first (mvn package)");
        }
        return new ServiceProcess(jar, env, log, List.of(jvmArgs));
    }

    /** The environment of a service on the shared test broker and a fresh database of its own. */
    public static Map<String, String> infraEnv(String databasePrefix) {
        DatabaseEndpoint db = Infra.database();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", Infra.kafka().bootstrapServers());
        env.put("QUANYU_DB_URL", db.jdbcUrl(db.createDatabase(databasePrefix)));
        env.put("QUANYU_DB_USER", db.username());
        env.put("QUANYU_DB_PASSWORD", db.password());
        return env;
    }

    /** Starts the process and waits until {@code /q/health/ready} answers 200. */
    public ServiceProcess start(Duration timeout) {
        launch();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar.getFileName() + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return this;
            }
            sleep(200);
        }
        throw new IllegalStateException("not ready within " + timeout + "; see " + log);
    }

    /** Starts the process without waiting for it. */
    public ServiceProcess launch() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar + ": " + e, e);
        }
        return this;
    }

    /** The HTTP status and body of a GET, or status -1 when nothing answers. */
    public Answer get(String path) {
        return get(path, null);
    }

    /** A GET with this Authorization header (TestCredentials.READER for a portrait, say); none when null. */
    public Answer get(String path, String authorization) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url(path)).toURL().openConnection();
            if (authorization != null) {
                c.setRequestProperty("Authorization", authorization);
            }
            c.setConnectTimeout(1000);
            c.setReadTimeout(10_000);
            int status = c.getResponseCode();
            java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    /** An HTTP answer. */
    public record Answer(int status, String body) {
    }

    /** Whether readiness answers 200. */
    public boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url("/q/health/ready")).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no commit; what a crash or an OOM kill does. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM: the graceful stop of {@code ./quanyu down} and Kubernetes. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
