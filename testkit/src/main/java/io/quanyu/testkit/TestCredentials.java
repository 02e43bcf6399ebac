package io.quanyu.testkit;

import java.time.Duration;

/**
 * The credentials of the services' %test profile (application.properties): Authorization header values for the admin
 * and reader tokens, and customer tokens signed with the test secret.
 */
public final class TestCredentials {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String READER_TOKEN = "test-reader-token";
    public static final String CUSTOMER_SECRET = "test-customer-token-secret-0123456789abcdef";

    public static final String ADMIN = "Bearer " + ADMIN_TOKEN;
    public static final String READER = "Bearer " + READER_TOKEN;

    private TestCredentials() {
    }

    /** {@code Bearer <customer token>} for userId, valid for an hour. */
    public static String customer(String userId) {
        return "Bearer " + CustomerTokens.mint(CUSTOMER_SECRET, userId, Duration.ofHours(1));
    }

    /** The environment a packaged service needs to accept these credentials (ServiceProcess). */
    public static java.util.Map<String, String> env() {
        return java.util.Map.of("QUANYU_ADMIN_TOKEN", ADMIN_TOKEN, "QUANYU_READER_TOKEN", READER_TOKEN, "QUANYU_CUSTOMER_TOKEN_SECRET", CUSTOMER_SECRET);
    }
}
