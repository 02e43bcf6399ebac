package io.quanyu.support;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service that still carries a placeholder secret (the {@code CHANGE-ME…} values of the trial
 * overlay and the compose examples): a deployment that forgot to set its secrets would otherwise answer with tokens
 * anyone can read in this repository.
 */
@ApplicationScoped
public class SecretCheck {

    private static final Logger LOG = Logger.getLogger(SecretCheck.class);

    /** Configuration properties that hold secrets, with the variable an operator sets for each. */
    static final Map<String, String> SECRETS = secrets();

    private final Config config;

    public SecretCheck(Config config) {
        this.config = config;
    }

    private static Map<String, String> secrets() {
        Map<String, String> m = new TreeMap<>();
        m.put("quanyu.admin-token", "QUANYU_ADMIN_TOKEN");
        m.put("quanyu.reader-token", "QUANYU_READER_TOKEN");
        m.put("quanyu.customer-token.secret", "QUANYU_CUSTOMER_TOKEN_SECRET");
        m.put("quanyu.ingestion.api-keys", "QUANYU_API_KEYS");
        m.put("quanyu.ingestion.server-keys", "QUANYU_SERVER_KEYS");
        m.put("quanyu.ingestion.pii-secret", "QUANYU_PII_SECRET");
        m.put("quarkus.datasource.password", "QUANYU_DB_PASSWORD");
        return Map.copyOf(m);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            String message = "refusing to start with placeholder secrets: " + String.join("; ", problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** Each secret whose value is still a placeholder, with the variable to set. */
    static List<String> problems(java.util.function.Function<String, Optional<String>> lookup) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(SECRETS).entrySet()) {
            Optional<String> value;
            try {
                value = lookup.apply(e.getKey());
            } catch (RuntimeException unresolvable) {
                continue; // a required secret with no value fails start-up on its own, with its own message
            }
            if (value.isPresent() && placeholder(value.get())) {
                out.add(e.getKey() + " (" + e.getValue() + ") is a CHANGE-ME placeholder: set a real value");
            }
        }
        return out;
    }

    static boolean placeholder(String value) {
        return value.toUpperCase(Locale.ROOT).contains("CHANGE-ME") || value.toUpperCase(Locale.ROOT).contains("CHANGEME");
    }
}
