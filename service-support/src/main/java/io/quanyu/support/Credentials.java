package io.quanyu.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Tells who sent {@code Authorization: Bearer <credential>}: the admin token ({@code quanyu.admin-token}), the reader
 * token ({@code quanyu.reader-token}) or a customer token signed with {@code quanyu.customer-token.secret}. A role whose
 * secret is not configured accepts nobody.
 */
@ApplicationScoped
public class Credentials {

    private static final Logger LOG = Logger.getLogger(Credentials.class);
    private static final String BEARER = "Bearer ";

    /** A credential was sent but is not one: 401, with a reason that is safe to show. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private record Secrets(byte[] admin, byte[] reader, CustomerToken customer) {
    }

    private final Clock clock;
    // Read on first use: filters and the beans they use may be built before the runtime configuration is there.
    private volatile Secrets secrets;

    public Credentials() {
        this(Clock.systemUTC());
    }

    /** With a configuration of its own (tests). */
    Credentials(Clock clock, Config config) {
        this.clock = clock;
        this.secrets = load(config);
    }

    private Credentials(Clock clock) {
        this.clock = clock;
    }

    /** The caller of a request with this Authorization header; anonymous without one. */
    public Caller identify(String authorization) throws Refused {
        if (authorization == null || authorization.isBlank()) {
            return Caller.ANONYMOUS;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Refused("send Authorization: Bearer <token>");
        }
        String credential = authorization.substring(BEARER.length()).trim();
        Secrets s = secrets();
        byte[] given = sha256(credential);
        // Compare digests, so neither the comparison's time nor its length says anything about the tokens.
        boolean admin = s.admin() != null && MessageDigest.isEqual(s.admin(), given);
        boolean reader = s.reader() != null && MessageDigest.isEqual(s.reader(), given);
        if (admin) {
            return new Caller(Role.ADMIN, null);
        }
        if (reader) {
            return new Caller(Role.READER, null);
        }
        if (credential.indexOf('.') < 0) {
            throw new Refused("the token is not valid");
        }
        if (s.customer() == null) {
            throw new Refused("customer tokens are not accepted: QUANYU_CUSTOMER_TOKEN_SECRET is not set");
        }
        try {
            return Caller.customer(s.customer().verify(credential, clock.instant()).userId());
        } catch (CustomerToken.Invalid e) {
            throw new Refused(e.getMessage());
        }
    }

    private Secrets secrets() {
        Secrets s = secrets;
        if (s == null) {
            s = load(ConfigProvider.getConfig());
            secrets = s;
        }
        return s;
    }

    static Secrets load(Config config) {
        byte[] admin = token(config, "quanyu.admin-token").map(Credentials::sha256).orElse(null);
        byte[] reader = token(config, "quanyu.reader-token").map(Credentials::sha256).orElse(null);
        if (admin != null && reader != null && MessageDigest.isEqual(admin, reader)) {
            // One value for both would make every reader an admin: refuse it in both roles until they differ.
            LOG.error("QUANYU_READER_TOKEN equals QUANYU_ADMIN_TOKEN: both are refused until they differ");
            admin = null;
            reader = null;
        }
        CustomerToken customer = null;
        Optional<String> secret = token(config, "quanyu.customer-token.secret");
        if (secret.isPresent()) {
            byte[] key = secret.get().getBytes(StandardCharsets.UTF_8);
            if (key.length < CustomerToken.MIN_SECRET_BYTES) {
                LOG.errorf("QUANYU_CUSTOMER_TOKEN_SECRET has %d bytes, fewer than %d: customer tokens are refused", key.length,
                        CustomerToken.MIN_SECRET_BYTES);
            } else {
                Duration maxLifetime = config.getOptionalValue("quanyu.customer-token.max-lifetime", Duration.class).orElse(Duration.ofHours(24));
                customer = new CustomerToken(key, maxLifetime);
            }
        }
        return new Secrets(admin, reader, customer);
    }

    private static Optional<String> token(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(t -> !t.isEmpty());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
