package io.quanyu.profile.domain;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.UserKey;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one event may do to the identity graph. A client-side login (browser, app, mini-program) never joins two
 * different known customers, and its phone, e-mail and member-card links are only hints: whoever types a victim's
 * phone or card into a login form must not receive the victim's receipts or portrait. A trusted source (the shop's
 * back end, by its server key) may link strong keys and join customers. Every refusal is returned as a conflict.
 */
public final class IdentityRules {

    /** Links that name one person outside the device, and so can pull in someone else's history. */
    public static final Set<IdKind> STRONG = EnumSet.of(IdKind.MEMBER_CARD, IdKind.PHONE_HASH, IdKind.EMAIL_HASH);

    /** A client-side link would have joined two different known customers. */
    public static final String JOINS_KNOWN_CUSTOMERS = "joins_known_customers";
    /** An unverified strong key is already linked to, or claimed by, another customer. */
    public static final String CLAIMED_BY_ANOTHER = "claimed_by_another_customer";
    /** A strong key from an unverified source: kept as a hint, not linked. */
    public static final String UNVERIFIED_LINK = "unverified_link";

    /** The graph as the batch sees it so far. */
    public interface Graph {
        /** The customer of a key, or null when the key is new. */
        String customerOf(String key);

        /** The customers holding the key as an unverified hint. */
        Set<String> hintedBy(String key);
    }

    /** A refused link: {@code key} of customer {@code customer} would have joined {@code other}. */
    public record Conflict(String key, String customer, String other, String reason) {
    }

    /**
     * The outcome for one event: put {@code link} into {@code target}'s component, absorbing the customers in
     * {@code absorb}; keep {@code hints} aside; record {@code conflicts}. {@code target} is the component's best key,
     * so names stay independent of the order events arrive in.
     */
    public record Decision(String target, Set<String> link, Set<String> absorb, List<String> hints, List<Conflict> conflicts) {
    }

    private IdentityRules() {
    }

    public static Decision decide(CloudEvent event, Graph graph) {
        if (!(event.data() instanceof Identify id) || !EventType.IDENTIFY.wire().equals(event.type())) {
            String subject = event.subject();
            String customer = graph.customerOf(subject);
            return new Decision(customer != null ? customer : subject, Set.of(subject), Set.of(), List.of(), List.of());
        }
        boolean trusted = id.fromTrustedSource();
        String claimant = UserKey.known(id.userId().trim());
        String own = graph.customerOf(claimant);
        String home = own != null ? own : claimant;
        Set<String> link = new LinkedHashSet<>();
        link.add(claimant);
        Set<String> absorb = new LinkedHashSet<>();
        List<String> hints = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        // The subject and each linked id, as graph keys, with whether they are strong.
        Map<String, Boolean> keys = new LinkedHashMap<>();
        keys.put(event.subject(), false);
        if (id.links() != null) {
            for (LinkedId l : id.links()) {
                keys.merge(IdentityKeys.of(l), STRONG.contains(l.kind()), Boolean::logicalOr);
            }
        }
        keys.remove(claimant);
        keys.forEach((key, strong) -> {
            String theirs = graph.customerOf(key);
            if (theirs != null && (theirs.equals(home) || absorb.contains(theirs))) {
                return;
            }
            if (strong && !trusted) {
                hints.add(key);
                Set<String> claimedBy = new LinkedHashSet<>(graph.hintedBy(key));
                if (theirs != null) {
                    claimedBy.add(theirs);
                }
                claimedBy.remove(home);
                claimedBy.forEach(other -> conflicts.add(new Conflict(key, home, other, CLAIMED_BY_ANOTHER)));
            } else if (!trusted && (UserKey.isKnown(key) || theirs != null && UserKey.isKnown(theirs))) {
                conflicts.add(new Conflict(key, home, theirs != null ? theirs : key, JOINS_KNOWN_CUSTOMERS));
            } else {
                link.add(key);
                if (theirs != null) {
                    absorb.add(theirs);
                }
            }
        });
        Set<String> names = new LinkedHashSet<>(absorb);
        names.add(home);
        String target = IdentityKeys.best(names);
        absorb.remove(target);
        if (own != null && !target.equals(own)) {
            absorb.add(own);
        }
        return new Decision(target, link, absorb, hints, conflicts);
    }
}
