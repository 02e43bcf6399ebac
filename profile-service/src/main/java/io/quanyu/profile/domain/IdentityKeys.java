package io.quanyu.profile.domain;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.UserKey;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The nodes of the identity graph are user keys, written as the events' subjects write them, so an id linked
 * by a login and the subject of the same person's anonymous events are one node. A customer is a connected
 * component, named by its best key: known user keys before anonymous ones, then alphabetical. That choice
 * depends only on the component, so replaying the log in any order names every customer the same way.
 */
public final class IdentityKeys {

    /** Known before anonymous, then by text. */
    public static final Comparator<String> PREFERENCE = Comparator.comparing((String k) -> UserKey.isKnown(k) ? 0 : 1)
            .thenComparing(Comparator.naturalOrder());

    private IdentityKeys() {
    }

    /** The node a linked id stands for: the subject the channel's own events about that person carry. */
    public static String of(LinkedId id) {
        String v = id.value().trim();
        return switch (id.kind()) {
            case USER_ID -> UserKey.known(v);
            case ANONYMOUS_ID, DEVICE_ID, OPENID -> UserKey.anonymous(v);
            case UNIONID -> UserKey.anonymous("union:" + v);
            case MEMBER_CARD -> UserKey.anonymous("card:" + v);
            case PHONE_HASH -> UserKey.anonymous("phone:" + v);
            case EMAIL_HASH -> UserKey.anonymous("email:" + v);
        };
    }

    /** Every node an event touches: its subject, and for an identify the user and every linked id. */
    public static Set<String> keysOf(CloudEvent event) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(event.subject());
        if (EventType.IDENTIFY.wire().equals(event.type())) {
            Identify id = event.data(Identify.class);
            keys.add(UserKey.known(id.userId().trim()));
            if (id.links() != null) {
                id.links().forEach(l -> keys.add(of(l)));
            }
        }
        return keys;
    }

    /** The name of a component: its best key. */
    public static String best(Collection<String> keys) {
        return keys.stream().min(PREFERENCE).orElseThrow();
    }

    /** The user id of a known key, else null. */
    public static String userIdOf(String key) {
        return UserKey.isKnown(key) ? UserKey.id(key) : null;
    }
}
