package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A webhook definition is refused with the reason for a bad channel, URL, secret or attempt count, and its secret is never printed. */
class WebhookTest {

    private static final String SECRET = "s".repeat(32);

    @Test
    void aGoodDefinitionWithDefaults() {
        Webhook w = Webhook.of(" App ", "https://push.example.com/hooks/quanyu?shop=7", SECRET, null, null);
        assertThat(w.channel()).isEqualTo("app");
        assertThat(w.url()).isEqualTo("https://push.example.com/hooks/quanyu?shop=7");
        assertThat(w.active()).isTrue();
        assertThat(w.maxAttempts()).isEqualTo(8);
        assertThat(Webhook.of("store", "http://10.0.0.5:8080/pos", SECRET, false, 3).maxAttempts()).isEqualTo(3);
    }

    @Test
    void channelsAreTheActionChannels() {
        assertThat(Webhook.channel("miniprogram")).isEqualTo("miniprogram");
        for (String bad : new String[] {"ads", "catalog", "sms", "", null}) {
            assertThatThrownBy(() -> Webhook.channel(bad)).isInstanceOf(Invalid.class).hasMessageContaining("channel must be one of");
        }
    }

    @Test
    void urlsMustBeHttpOrHttpsWithAHostAndNoCredentials() {
        refused("ftp://example.com/x", "http or https");
        refused("javascript:alert(1)", "http or https");
        refused("/relative/path", "http or https");
        refused("https://user:pw@example.com/hook", "credentials");
        refused("https://token@example.com/hook", "credentials");
        refused("https:///nohost", "host");
        refused("https://example.com/a b", "not a valid URI");
        refused("https://example.com/hook#part", "fragment");
        refused(null, "url is required");
        refused("https://example.com/" + "a".repeat(2048), "2048");
    }

    @Test
    void secretsOfAtLeast32BytesAndAttemptsFrom1To50() {
        assertThatThrownBy(() -> Webhook.of("web", "https://e.com", "s".repeat(31), null, null)).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> Webhook.of("web", "https://e.com", null, null, null)).hasMessageContaining("at least 32 bytes");
        // Bytes, not characters: 11 three-byte characters are 33 bytes.
        assertThat(Webhook.of("web", "https://e.com", "密".repeat(11), null, null).secret()).hasSize(11);
        assertThatThrownBy(() -> Webhook.of("web", "https://e.com", SECRET, null, 0)).hasMessageContaining("max_attempts");
        assertThatThrownBy(() -> Webhook.of("web", "https://e.com", SECRET, null, 51)).hasMessageContaining("max_attempts");
    }

    @Test
    void theSecretIsNotInToString() {
        assertThat(Webhook.of("web", "https://e.com", "top-secret-value-0123456789abcdefgh", null, null).toString())
                .doesNotContain("top-secret").contains("https://e.com");
    }

    private static void refused(String url, String reason) {
        assertThatThrownBy(() -> Webhook.of("web", url, SECRET, null, null)).as(url).isInstanceOf(Invalid.class).hasMessageContaining(reason);
    }
}
