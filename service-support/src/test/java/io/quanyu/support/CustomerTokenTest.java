package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.testkit.CustomerTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Customer tokens minted by testkit (as a shop's login would) verify here; every forgery, expiry and misuse is refused. */
class CustomerTokenTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-0123";
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private final CustomerToken verifier = new CustomerToken(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofHours(24));

    @Test
    void aTokenFromTheShopsLoginNamesItsCustomer() throws Exception {
        String token = CustomerTokens.mint(SECRET, "ml-1", NOW.minusSeconds(60), NOW.plusSeconds(3600));
        CustomerToken.Claims c = verifier.verify(token, NOW);
        assertThat(c.userId()).isEqualTo("ml-1");
        assertThat(c.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void anotherSecretOrAChangedClaimBreaksTheSignature() {
        String other = CustomerTokens.mint("another-secret-of-thirty-two-bytes-or-more", "ml-1", NOW, NOW.plusSeconds(60));
        assertRefused(other, "signature");
        String token = CustomerTokens.mint(SECRET, "ml-1", NOW, NOW.plusSeconds(60));
        String[] p = token.split("\\.");
        String forgedClaims = b64("{\"sub\":\"ml-2\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}");
        assertRefused(p[0] + "." + forgedClaims + "." + p[2], "signature");
        assertRefused(p[0] + "." + p[1] + ".", "signature");
        assertRefused(p[0] + "." + p[1] + "." + p[2].substring(0, p[2].length() - 2) + "AA", "signature");
    }

    @Test
    void theAlgorithmIsNeverTakenFromTheToken() {
        String claims = b64("{\"sub\":\"ml-1\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}");
        assertRefused(b64("{\"alg\":\"none\"}") + "." + claims + ".", "HS256");
        assertRefused(b64("{\"alg\":\"RS256\"}") + "." + claims + ".c2ln", "HS256");
        assertRefused(b64("{}") + "." + claims + ".c2ln", "HS256");
    }

    @Test
    void expiryIsEnforcedWithASmallLeeway() throws Exception {
        String token = CustomerTokens.mint(SECRET, "ml-1", NOW.minusSeconds(3600), NOW);
        assertThat(verifier.verify(token, NOW.plusSeconds(29)).userId()).isEqualTo("ml-1");
        assertRefused(token, NOW.plusSeconds(31), "expired");
        assertRefused(CustomerTokens.mint(SECRET, "ml-1", NOW.plusSeconds(120), NOW.plusSeconds(600)), "future");
        assertRefused(CustomerTokens.mint(SECRET, "ml-1", NOW, NOW.plus(Duration.ofDays(30))), "longer");
    }

    @Test
    void garbageAndOddSubjectsAreRefused() throws Exception {
        for (String bad : new String[] {"", "abc", "a.b", "a.b.c.d", "!!!.???.***", "x".repeat(5000)}) {
            assertRefused(bad, "not a customer token");
        }
        assertRefused(CustomerTokens.mint(SECRET, "u:ml-1", NOW, NOW.plusSeconds(60)), "sub");
        assertRefused(CustomerTokens.mint(SECRET, "", NOW, NOW.plusSeconds(60)), "sub");
        String noExp = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"ml-1\"}");
        assertRefused(noExp + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(noExp)), "exp");
    }

    @Test
    void aShortSecretIsRefusedOutright() {
        assertThatThrownBy(() -> new CustomerToken("short".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(String token, String why) {
        assertRefused(token, NOW, why);
    }

    private void assertRefused(String token, Instant at, String why) {
        assertThatThrownBy(() -> verifier.verify(token, at)).isInstanceOf(CustomerToken.Invalid.class).hasMessageContaining(why);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
    }
}
