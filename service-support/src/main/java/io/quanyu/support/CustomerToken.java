package io.quanyu.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a customer token: a compact HS256 JWT ({@code base64url(header).base64url(claims).base64url(HMAC-SHA256)})
 * that the shop's login signs with {@code QUANYU_CUSTOMER_TOKEN_SECRET}, with claims {@code sub} (the user id),
 * {@code iat} and {@code exp} (epoch seconds). Any JWT library can mint one; {@code ./quanyu token customer} does for
 * the demo.
 */
public final class CustomerToken {

    /** How far the shop's clock and ours may disagree. */
    public static final Duration LEEWAY = Duration.ofSeconds(30);
    /** A secret shorter than this is refused: HS256 wants a key at least as long as its 256-bit output. */
    public static final int MIN_SECRET_BYTES = 32;
    /** User ids as the suite writes them after {@code u:}; no ':' so a token cannot name a key of another form. */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");

    private static final int MAX_LENGTH = 4096;
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    /** What a valid token says. */
    public record Claims(String userId, Instant issuedAt, Instant expiresAt) {
    }

    /** A token that is not valid; the message says why, and never contains the token. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final SecretKeySpec key;
    private final Duration maxLifetime;

    public CustomerToken(byte[] secret, Duration maxLifetime) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the customer token secret has " + secret.length + " bytes; at least " + MIN_SECRET_BYTES + " are needed");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.maxLifetime = maxLifetime;
    }

    public Claims verify(String token, Instant now) throws Invalid {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new Invalid("not a customer token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Invalid("not a customer token");
        }
        JsonNode header = json(parts[0]);
        // The algorithm is fixed here, never taken from the token: "none" or an asymmetric algorithm is a forgery.
        if (!"HS256".equals(header.path("alg").asText(null))) {
            throw new Invalid("the token must be signed with HS256");
        }
        byte[] expected = hmac(parts[0] + "." + parts[1]);
        byte[] given = bytes(parts[2]);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Invalid("the token's signature is not valid");
        }
        JsonNode claims = json(parts[1]);
        String sub = claims.path("sub").isTextual() ? claims.get("sub").asText() : null;
        if (sub == null || !USER_ID.matcher(sub).matches()) {
            throw new Invalid("the token's sub must be a user id (1-128 letters, digits, '_', '.', '@', '-')");
        }
        if (!claims.path("exp").canConvertToLong() || !claims.path("iat").canConvertToLong()) {
            throw new Invalid("the token needs exp and iat (epoch seconds)");
        }
        Instant exp = Instant.ofEpochSecond(claims.get("exp").asLong());
        Instant iat = Instant.ofEpochSecond(claims.get("iat").asLong());
        if (now.isAfter(exp.plus(LEEWAY))) {
            throw new Invalid("the token has expired");
        }
        if (iat.isAfter(now.plus(LEEWAY))) {
            throw new Invalid("the token is issued in the future");
        }
        if (Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
            throw new Invalid("the token lives longer than " + maxLifetime.toHours() + " h");
        }
        return new Claims(sub, iat, exp);
    }

    private byte[] hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static JsonNode json(String part) throws Invalid {
        try {
            JsonNode node = Json.MAPPER.readTree(bytes(part));
            if (node == null || !node.isObject()) {
                throw new Invalid("not a customer token");
            }
            return node;
        } catch (IOException e) {
            throw new Invalid("not a customer token");
        }
    }

    private static byte[] bytes(String part) throws Invalid {
        try {
            return B64.decode(part);
        } catch (IllegalArgumentException e) {
            throw new Invalid("not a customer token");
        }
    }
}
