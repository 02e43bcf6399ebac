package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.testkit.CustomerTokens;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Which role an Authorization header carries, and what each endpoint class lets through. */
class CredentialsTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-0123";
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void eachCredentialIsItsRole() throws Exception {
        Credentials c = credentials(Map.of("quanyu.admin-token", "adm", "quanyu.reader-token", "rdr", "quanyu.customer-token.secret", SECRET));
        assertThat(c.identify(null)).isEqualTo(Caller.ANONYMOUS);
        assertThat(c.identify("Bearer adm").role()).isEqualTo(Role.ADMIN);
        assertThat(c.identify("bearer rdr").role()).isEqualTo(Role.READER);
        assertThat(c.identify("Bearer " + CustomerTokens.mint(SECRET, "ml-7", NOW, NOW.plusSeconds(60)))).isEqualTo(Caller.customer("ml-7"));
        assertThatThrownBy(() -> c.identify("Bearer adm2")).isInstanceOf(Credentials.Refused.class);
        assertThatThrownBy(() -> c.identify("Basic YWRtOg==")).isInstanceOf(Credentials.Refused.class);
        assertThatThrownBy(() -> c.identify("Bearer " + CustomerTokens.mint(SECRET, "ml-7", NOW.minusSeconds(7200), NOW.minusSeconds(3600))))
                .isInstanceOf(Credentials.Refused.class).hasMessageContaining("expired");
    }

    @Test
    void anUnsetOrUnsafeSecretAcceptsNobody() {
        Credentials none = credentials(Map.of());
        assertThatThrownBy(() -> none.identify("Bearer ")).isInstanceOf(Credentials.Refused.class);
        assertThatThrownBy(() -> none.identify("Bearer " + CustomerTokens.mint(SECRET, "ml-7", NOW, NOW.plusSeconds(60))))
                .isInstanceOf(Credentials.Refused.class).hasMessageContaining("QUANYU_CUSTOMER_TOKEN_SECRET");
        Credentials shortSecret = credentials(Map.of("quanyu.customer-token.secret", "short"));
        assertThatThrownBy(() -> shortSecret.identify("Bearer " + CustomerTokens.mint("short", "ml-7", NOW, NOW.plusSeconds(60))))
                .isInstanceOf(Credentials.Refused.class);
        Credentials same = credentials(Map.of("quanyu.admin-token", "same", "quanyu.reader-token", "same"));
        assertThatThrownBy(() -> same.identify("Bearer same")).as("one value for both roles is refused in both").isInstanceOf(Credentials.Refused.class);
    }

    @Test
    void accessClasses() {
        Access reader = new Access(EnumSet.of(Role.READER), false);
        assertThat(reader.allows(new Caller(Role.ADMIN, null))).isTrue();
        assertThat(reader.allows(new Caller(Role.READER, null))).isTrue();
        assertThat(reader.allows(Caller.customer("x"))).isFalse();
        assertThat(reader.allows(Caller.ANONYMOUS)).isFalse();
        Access admin = new Access(EnumSet.of(Role.ADMIN), false);
        assertThat(admin.allows(new Caller(Role.READER, null))).isFalse();
        Access chat = new Access(EnumSet.of(Role.CUSTOMER), true);
        assertThat(chat.allows(Caller.ANONYMOUS)).isTrue();
        assertThat(chat.allows(new Caller(Role.ADMIN, null))).isFalse();
        assertThat(AccessDocument.normalize("v1//campaigns/{id : [a-z]+}/")).isEqualTo("/v1/campaigns/{id}");
    }

    private static Credentials credentials(Map<String, String> props) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(props, "test", 100)).build();
        return new Credentials(CLOCK, config);
    }
}
