package io.quanyu.events;

/** Canonical user keys: {@code u:<userId>} when the user is known, else {@code a:<anonymousId>}. */
public final class UserKey {

    public static final String KNOWN_PREFIX = "u:";
    public static final String ANONYMOUS_PREFIX = "a:";

    private UserKey() {
    }

    public static String known(String userId) {
        return KNOWN_PREFIX + userId;
    }

    public static String anonymous(String anonymousId) {
        return ANONYMOUS_PREFIX + anonymousId;
    }

    /** The key for a message: the user id when there is one, else the anonymous (device, openid…) id. */
    public static String of(String userId, String anonymousId) {
        if (userId != null && !userId.isBlank()) {
            return known(userId.trim());
        }
        if (anonymousId != null && !anonymousId.isBlank()) {
            return anonymous(anonymousId.trim());
        }
        throw new IllegalArgumentException("a user key needs a user id or an anonymous id");
    }

    /** True for a well-formed key: a known prefix followed by a non-empty id. */
    public static boolean isValid(String key) {
        return key != null && key.length() > 2
                && (key.startsWith(KNOWN_PREFIX) || key.startsWith(ANONYMOUS_PREFIX))
                && !key.substring(2).isBlank();
    }

    public static boolean isKnown(String key) {
        return isValid(key) && key.startsWith(KNOWN_PREFIX);
    }

    /** The id after the prefix. */
    public static String id(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("not a user key: '" + key + "'");
        }
        return key.substring(2);
    }
}
