package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The webhook signature against vectors computed outside Java, and what a receiver's check refuses. */
class WebhookSignatureTest {

    private static final String SECRET = "quanyu-test-secret-0123456789abcdef";
    private static final byte[] BODY = "{\"action_id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesOpenSslsHmacOfTimestampDotBody() {
        // printf '%s' '1700000000.{"action_id":"a-1"}' | openssl dgst -sha256 -hmac 'quanyu-test-secret-0123456789abcdef'
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("sha256=4ec6cfbd51a01856f5b30fa891af55752c5d2ab22b97e650bea4f89c5087a7d4");
        // The same body a second later: the timestamp is part of what is signed.
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_001L, BODY))
                .isEqualTo("sha256=605b9a4823c0e5488483ba719c68f8673d441832a74c52237e6efb058c82c412");
    }

    @Test
    void matchesJavaxCryptoOverTheSameBytesForAnUnicodeBody() {
        // A receiver's own check, written from the README's rule rather than with this class.
        byte[] body = "{\"name\":\"回来看看 20 元券\"}".getBytes(StandardCharsets.UTF_8);
        byte[] signed = ("1764720000." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.sign(SECRET, 1_764_720_000L, body)).isEqualTo("sha256=" + hmacHex(SECRET, signed));
    }

    @Test
    void verifyAcceptsTheSignatureAndRefusesAnyChange() {
        String sig = WebhookSignature.sign(SECRET, 1_700_000_000L, BODY);
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_000L, BODY, sig)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_001L, BODY, sig)).as("another timestamp").isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", 1_700_000_000L, BODY, sig)).as("another secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_000L, "{\"action_id\":\"a-2\"}".getBytes(StandardCharsets.UTF_8), sig))
                .as("another body").isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_000L, BODY, sig.substring(WebhookSignature.PREFIX.length()))).as("no prefix").isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_000L, BODY, null)).isFalse();
    }

    private static String hmacHex(String key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
