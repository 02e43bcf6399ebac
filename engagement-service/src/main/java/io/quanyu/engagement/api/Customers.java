package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Text;
import io.quanyu.events.UserKey;
import io.quanyu.support.Caller;

/** The customer a request is about: a user key ({@code u:…}, {@code a:…}) or a bare user id; a customer token may name only itself. */
final class Customers {

    private Customers() {
    }

    /** The canonical key of {@code customer}; for a customer caller, their own key when absent and 403 when another's. */
    static String resolve(String customer, Caller caller) {
        String key = null;
        if (customer != null && !customer.isBlank()) {
            String c = customer.trim();
            if (!Text.ID.matcher(c).matches() && !(c.length() <= 130 && UserKey.isValid(c) && Text.ID.matcher(UserKey.id(c)).matches())) {
                throw new Rejected(400, "invalid_customer", "customer must be a user key (u:ID or a:ID) or a user id of 1 to 128 characters");
            }
            key = UserKey.isValid(c) ? c : UserKey.known(c);
        }
        if (caller.customer()) {
            if (key != null && !key.equals(caller.userKey())) {
                throw new Rejected(403, "forbidden", "a customer token may only ask about its own customer");
            }
            return caller.userKey();
        }
        return key;
    }
}
