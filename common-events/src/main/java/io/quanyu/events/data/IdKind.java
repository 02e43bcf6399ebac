package io.quanyu.events.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of identifier an {@code identify} event can link to a user id. */
public enum IdKind {
    USER_ID, ANONYMOUS_ID, DEVICE_ID, OPENID, UNIONID, MEMBER_CARD, PHONE_HASH, EMAIL_HASH;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IdKind fromWire(String wire) {
        return valueOf(wire.trim().toUpperCase(Locale.ROOT));
    }
}
