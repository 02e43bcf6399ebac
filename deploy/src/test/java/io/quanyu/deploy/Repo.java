package io.quanyu.deploy;

import io.quanyu.events.KafkaClientSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository around the deploy module: where files are, and what each service's sources say about it. */
final class Repo {

    /** Deployment-provided settings: when a service's application.properties reads one, a deployment must set it. */
    static final Set<String> PROVIDED_BY_DEPLOYMENT = Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUANYU_DB_URL", "QUANYU_DB_USER",
            "QUANYU_DB_PASSWORD", "QUANYU_API_KEYS", "QUANYU_ADMIN_TOKEN", "QUANYU_READER_TOKEN", "QUANYU_CUSTOMER_TOKEN_SECRET", "QUANYU_PII_SECRET");

    private static final Path ROOT = findRoot();
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");
    private static final Pattern ENV_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");
    private static final Pattern CONFIG_METHOD = Pattern.compile("\\s([a-z][A-Za-z0-9]*)\\(\\)\\s*;");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([a-z0-9.-]+)\"");

    private Repo() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static Path deploy(String relative) {
        return ROOT.resolve("deploy").resolve(relative);
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("common-events"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from inside the Quanyu repository: no deploy/k8s above " + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services: every top-level *-service directory with an application.properties, sorted. */
    static List<Service> services() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve("src/main/resources/application.properties")))
                    .map(d -> Service.of(d.getFileName().toString()))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Service service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /**
     * What a service's sources say about deploying it: its HTTP port and default database, and the environment
     * variables it reads ({@code ${NAME}} in application.properties or Java, and the variables SmallRye maps onto
     * its {@code @ConfigMapping} prefixes).
     */
    record Service(String name, int port, String database, Set<String> envReferences, Set<String> envWithoutDefault,
                   Set<String> envDefaultingToLocalhost, Set<String> envPrefixes, Set<String> mappingWords, Properties properties) {

        static Service of(String name) {
            Path dir = ROOT.resolve(name);
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int port = Integer.parseInt(p.getProperty("quarkus.http.port").trim());
            String url = p.getProperty("quarkus.datasource.jdbc.url", "");
            String database = url.isEmpty() ? null : defaultOf(url).substring(defaultOf(url).lastIndexOf('/') + 1);
            Set<String> refs = new TreeSet<>();
            Set<String> withoutDefault = new TreeSet<>();
            Set<String> localhost = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    continue; // profile-specific (test, dev) settings do not concern a deployment
                }
                Matcher m = ENV_REF.matcher(p.getProperty(key));
                while (m.find()) {
                    refs.add(m.group(1));
                    if (m.group(2).isEmpty()) {
                        withoutDefault.add(m.group(1));
                    }
                }
                Matcher d = ENV_WITH_DEFAULT.matcher(p.getProperty(key));
                while (d.find()) {
                    if (d.group(2).contains("localhost") || d.group(2).contains("127.0.0.1")) {
                        localhost.add(d.group(1)); // a default that only works on one machine
                    }
                }
            }
            Set<String> prefixes = new LinkedHashSet<>();
            Set<String> words = new TreeSet<>();
            try (Stream<Path> files = Files.walk(dir.resolve("src/main/java"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String src = read(f);
                    Matcher m = ENV_REF.matcher(src);
                    while (m.find()) {
                        refs.add(m.group(1));
                    }
                    Matcher cm = CONFIG_MAPPING.matcher(src);
                    boolean mapping = false;
                    while (cm.find()) {
                        prefixes.add(cm.group(1).toUpperCase().replace('.', '_').replace('-', '_') + "_");
                        mapping = true;
                    }
                    if (mapping) {
                        // The mapping's property names (methods of the interface and its nested groups), as env words.
                        Matcher method = CONFIG_METHOD.matcher(src);
                        while (method.find()) {
                            words.add(method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Service(name, port, database, refs, withoutDefault, localhost, prefixes, words, p);
        }

        /** {@code ${NAME:default}} gives default; a plain value gives itself. */
        private static String defaultOf(String value) {
            Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:(.*)}").matcher(value.trim());
            return m.matches() ? m.group(1) : value.trim();
        }

        /** Whether a deployment may set this environment variable for the service (it is read by something). */
        boolean reads(String env) {
            return envReferences.contains(env) || env.startsWith("QUARKUS_") || env.equals("JAVA_OPTS")
                    // Kafka client security (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*): every client takes them.
                    || !KafkaClientSettings.from(Map.of(env, "")).isEmpty()
                    || envPrefixes.stream().anyMatch(p -> env.startsWith(p) && mapped(env.substring(p.length())));
        }

        /** Whether the rest of an env name, after a @ConfigMapping prefix, is a path of the mapping's property names. */
        private boolean mapped(String rest) {
            if (rest.isEmpty()) {
                return true;
            }
            for (String w : mappingWords) {
                if (rest.equals(w) || rest.startsWith(w + "_") && mapped(rest.substring(w.length() + 1))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The variables a deployment must set: deployment-provided ones the service reads, any read without a default,
         * and any whose default names localhost (another service's URL, say).
         */
        Set<String> requiredEnv() {
            Set<String> out = new TreeSet<>(envWithoutDefault);
            out.addAll(envDefaultingToLocalhost);
            envReferences.stream().filter(PROVIDED_BY_DEPLOYMENT::contains)
                    .filter(e -> properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                            .anyMatch(k -> properties.getProperty(k).contains("${" + e)))
                    .forEach(out::add);
            return out;
        }
    }
}
