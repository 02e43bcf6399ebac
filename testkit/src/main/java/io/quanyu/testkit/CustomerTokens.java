package io.quanyu.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints customer tokens as a shop's login would: an HS256 JWT with sub, iat and exp, signed with the shared secret.
 * Written apart from service-support's verifier on purpose, as a shop's own code is, so the tests show the two agree
 * on the format rather than on one implementation. Also {@code ./quanyu token customer USER_ID [HOURS]}.
 */
public final class CustomerTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private CustomerTokens() {
    }

    /** A token for userId, issued now and valid for ttl. */
    public static String mint(String secret, String userId, Duration ttl) {
        Instant now = Instant.now();
        return mint(secret, userId, now, now.plus(ttl));
    }

    /** A token with the given times (the tests' expired and far-future ones). */
    public static String mint(String secret, String userId, Instant issuedAt, Instant expiresAt) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String claims = "{\"sub\":\"" + userId.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond() + "}";
        String signed = b64(header) + "." + b64(claims);
        return signed + "." + B64.encodeToString(hmac(secret, signed));
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code CustomerTokens USER_ID [HOURS]}: prints a token signed with $QUANYU_CUSTOMER_TOKEN_SECRET (default 1 h). */
    public static void main(String[] args) {
        String secret = System.getenv("QUANYU_CUSTOMER_TOKEN_SECRET");
        if (args.length < 1 || args.length > 2 || secret == null || secret.isBlank()) {
            System.err.println("usage: QUANYU_CUSTOMER_TOKEN_SECRET=... CustomerTokens USER_ID [HOURS (1-24, default 1)]");
            System.exit(2);
        }
        int hours = args.length == 2 ? Integer.parseInt(args[1]) : 1;
        if (hours < 1 || hours > 24) {
            System.err.println("HOURS must be 1-24: the services refuse tokens that live longer than a day");
            System.exit(2);
        }
        System.out.println(mint(secret.trim(), args[0], Duration.ofHours(hours)));
    }
}
