package io.quanyu.support;

import io.quanyu.events.UserKey;

/** Who is calling, as verified by {@link Credentials}: a role, and for a customer their user id; both null when anonymous. */
public record Caller(Role role, String userId) {

    public static final Caller ANONYMOUS = new Caller(null, null);

    public Caller {
        if ((role == Role.CUSTOMER) != (userId != null)) {
            throw new IllegalArgumentException("a customer caller has a user id, and only a customer");
        }
    }

    public static Caller customer(String userId) {
        return new Caller(Role.CUSTOMER, userId);
    }

    public boolean anonymous() {
        return role == null;
    }

    public boolean customer() {
        return role == Role.CUSTOMER;
    }

    /** Admin or reader: the back office, which may read about any customer. */
    public boolean staff() {
        return role == Role.ADMIN || role == Role.READER;
    }

    /** The customer's canonical user key ({@code u:<userId>}); only for a customer. */
    public String userKey() {
        if (!customer()) {
            throw new IllegalStateException("only a customer has a user key");
        }
        return UserKey.known(userId);
    }

    /** A stable name for logs and rate limits: the role, with the user id of a customer. */
    public String identity() {
        return anonymous() ? "anonymous" : customer() ? "customer:" + userId : role.scheme();
    }
}
