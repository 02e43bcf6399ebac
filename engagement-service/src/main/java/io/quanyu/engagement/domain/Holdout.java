package io.quanyu.engagement.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random holdout of a journey, decided by a hash of journey id and customer key: the same customer is always in
 * the same group of a journey (on every instance, after every restart), and groups of different journeys are independent.
 */
public final class Holdout {

    private Holdout() {
    }

    /** A number in [0, 1) uniformly spread over customers: the first 53 bits of SHA-256(journey id, NUL, customer key). */
    public static double draw(String journeyId, String customerKey) {
        byte[] h = sha256(journeyId + '\u0000' + customerKey);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
        }
        return (bits >>> 11) / (double) (1L << 53);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the customer is in the journey's holdout when a share of customers is held out. */
    public static boolean heldOut(String journeyId, String customerKey, double share) {
        return draw(journeyId, customerKey) < share;
    }
}
