package io.quanyu.engagement.domain;

import java.security.SecureRandom;

/**
 * Coupon codes: Crockford base-32 (no I, L, O, U, so they read and type without mistakes) from a SecureRandom, 5 bits
 * a character; 12 characters are 60 bits, so guessing a live code among a million takes about 10^12 tries.
 */
public final class CodeGenerator {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final SecureRandom random;
    private final int length;

    public CodeGenerator(SecureRandom random, int length) {
        if (length < 8 || length > 32) {
            throw new IllegalArgumentException("a code has 8 to 32 characters, not " + length);
        }
        this.random = random;
        this.length = length;
    }

    public String next() {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }
}
