package io.quanyu.console.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns what a marketer types (a user id, a member card, a phone number) into the key profile-service resolves. A
 * phone is never sent: it is hashed here with the suite's PII secret exactly as ingestion hashes it (HMAC-SHA256 over
 * "phone:" and its digits, without a +86 prefix), so the lookup finds the key the store receipts linked.
 */
public final class CustomerKey {

    /** The kinds of key the search form offers. */
    public enum Kind { ID, CARD, PHONE }

    private CustomerKey() {
    }

    public static Kind kind(String value) {
        if (value == null) {
            return Kind.ID;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "card" -> Kind.CARD;
            case "phone" -> Kind.PHONE;
            default -> Kind.ID;
        };
    }

    /** The id or key to put in GET /v1/profiles/{id}; piiSecret is needed for phones only. */
    public static String lookup(Kind kind, String input, String piiSecret) {
        String v = input.trim();
        return switch (kind) {
            case ID -> v;
            case CARD -> v.startsWith("a:card:") ? v : "a:card:" + v;
            case PHONE -> {
                if (piiSecret == null || piiSecret.length() < 16) {
                    throw new IllegalStateException("phone search needs QUANYU_PII_SECRET (the one ingestion hashes with)");
                }
                yield "a:phone:" + hashPhone(v, piiSecret);
            }
        };
    }

    static String hashPhone(String phone, String secret) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        } else if (digits.length() == 15 && digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("phone:" + digits).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
