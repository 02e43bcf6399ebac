package io.quanyu.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.ProfileDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What this service publishes on profile.updates.v1 reads back as the {@link ProfileDigest} other services rely on. */
class ProfileDigestContractTest {

    @Test
    void publishedPortraitDecodesAsTheDigest() {
        PortraitView view = new PortraitView("u:42", "42", List.of("u:42", "c:9001", "a:abc"), Map.of("gender", "F"),
                Map.of("store", 3L), "store", null, null, Map.of("outdoor", 1.5), Map.of(), "active", 0.2, 0.7, 0.1,
                List.of("vip", "outdoor-fans"));
        Decoded<ProfileDigest> decoded = EventCodec.decode(EventCodec.encode(view), ProfileDigest.class);
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        ProfileDigest digest = ((Decoded.Ok<ProfileDigest>) decoded).value();
        assertThat(digest).isEqualTo(new ProfileDigest("u:42", "42", List.of("u:42", "c:9001", "a:abc"),
                List.of("vip", "outdoor-fans"), "store", "active", 0.7, 0.1));
    }
}
