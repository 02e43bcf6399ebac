package io.quanyu.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.PageView;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The identity graph's trust rules, without a database. */
class IdentityRulesTest {

    private final Map<String, String> customers = new HashMap<>();
    private final Map<String, Set<String>> hints = new HashMap<>();
    private final IdentityRules.Graph graph = new IdentityRules.Graph() {
        @Override
        public String customerOf(String key) {
            return customers.get(key);
        }

        @Override
        public Set<String> hintedBy(String key) {
            return hints.getOrDefault(key, Set.of());
        }
    };

    private static CloudEvent login(String user, boolean trusted, LinkedId... links) {
        return event(Channel.WEB, "u:" + user, new Identify(user, List.of(links), null, trusted ? true : null));
    }

    private static CloudEvent event(Channel ch, String subject, EventData data) {
        EventType type = data instanceof Identify ? EventType.IDENTIFY : EventType.PAGE_VIEW;
        return CloudEvent.of(UUID.randomUUID().toString(), ch, type, Instant.now(), subject, Instant.now(), null, data);
    }

    private void component(String name, String... keys) {
        customers.put(name, name);
        for (String k : keys) {
            customers.put(k, name);
        }
    }

    @Test
    void aClientLoginsPhoneIsAHintAndLinksNothing() {
        IdentityRules.Decision d = IdentityRules.decide(login("7", false, new LinkedId(IdKind.PHONE_HASH, "p1"),
                new LinkedId(IdKind.ANONYMOUS_ID, "w1")), graph);
        assertThat(d.target()).isEqualTo("u:7");
        assertThat(d.link()).containsExactlyInAnyOrder("u:7", "a:w1");
        assertThat(d.hints()).containsExactly("a:phone:p1");
        assertThat(d.conflicts()).isEmpty();
        assertThat(d.absorb()).isEmpty();
    }

    @Test
    void twoClientLoginsWithOnePhoneAreAConflictNotAMerge() {
        component("u:victim", "a:phone:p1");
        IdentityRules.Decision d = IdentityRules.decide(login("attacker", false, new LinkedId(IdKind.PHONE_HASH, "p1")), graph);
        assertThat(d.target()).isEqualTo("u:attacker");
        assertThat(d.absorb()).isEmpty();
        assertThat(d.link()).containsExactly("u:attacker");
        assertThat(d.conflicts()).containsExactly(new IdentityRules.Conflict("a:phone:p1", "u:attacker", "u:victim", IdentityRules.CLAIMED_BY_ANOTHER));

        // Both held it only as a hint: still a conflict, naming the other holder.
        customers.clear();
        hints.put("a:phone:p2", new LinkedHashSet<>(List.of("u:first")));
        d = IdentityRules.decide(login("second", false, new LinkedId(IdKind.PHONE_HASH, "p2")), graph);
        assertThat(d.hints()).containsExactly("a:phone:p2");
        assertThat(d.conflicts()).extracting(IdentityRules.Conflict::other).containsExactly("u:first");
    }

    @Test
    void aClientLinkIntoAnotherKnownCustomerIsRefusedButAnAnonymousOneIsAbsorbed() {
        component("u:alice", "a:shared-device");
        component("a:cookie-9");
        IdentityRules.Decision d = IdentityRules.decide(login("bob", false, new LinkedId(IdKind.DEVICE_ID, "shared-device"),
                new LinkedId(IdKind.ANONYMOUS_ID, "cookie-9"), new LinkedId(IdKind.USER_ID, "carol")), graph);
        assertThat(d.target()).isEqualTo("u:bob");
        assertThat(d.absorb()).containsExactly("a:cookie-9");
        assertThat(d.link()).containsExactlyInAnyOrder("u:bob", "a:cookie-9");
        assertThat(d.conflicts()).extracting(IdentityRules.Conflict::key, IdentityRules.Conflict::other)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a:shared-device", "u:alice"), org.assertj.core.groups.Tuple.tuple("u:carol", "u:carol"));
        assertThat(d.conflicts()).allMatch(c -> c.reason().equals(IdentityRules.JOINS_KNOWN_CUSTOMERS));
    }

    @Test
    void aTrustedLoginLinksStrongKeysAndMayJoinKnownCustomers() {
        component("a:card:M7");
        component("u:old-account", "a:phone:p9");
        component("u:new-account");
        IdentityRules.Decision d = IdentityRules.decide(login("new-account", true, new LinkedId(IdKind.MEMBER_CARD, "M7"),
                new LinkedId(IdKind.PHONE_HASH, "p9")), graph);
        // The best name of the joined component: known before anonymous, then by text.
        assertThat(d.target()).isEqualTo("u:new-account");
        assertThat(d.absorb()).containsExactlyInAnyOrder("a:card:M7", "u:old-account");
        assertThat(d.hints()).isEmpty();
        assertThat(d.conflicts()).isEmpty();
    }

    @Test
    void aTrustedLoginIntoABetterNamedCustomerMovesTheClaimantsComponent() {
        component("u:b-user", "a:w");
        component("u:a-user", "a:card:C1");
        IdentityRules.Decision d = IdentityRules.decide(login("b-user", true, new LinkedId(IdKind.MEMBER_CARD, "C1")), graph);
        assertThat(d.target()).isEqualTo("u:a-user");
        assertThat(d.absorb()).containsExactly("u:b-user");
    }

    @Test
    void keysAlreadyInTheClaimantsComponentAreNeitherHintsNorConflicts() {
        component("u:7", "a:phone:p1", "a:w1");
        IdentityRules.Decision d = IdentityRules.decide(login("7", false, new LinkedId(IdKind.PHONE_HASH, "p1"),
                new LinkedId(IdKind.ANONYMOUS_ID, "w1")), graph);
        assertThat(d.hints()).isEmpty();
        assertThat(d.conflicts()).isEmpty();
        assertThat(d.target()).isEqualTo("u:7");
    }

    @Test
    void otherEventsGoToTheirSubjectsCustomer() {
        component("u:7", "a:w1");
        IdentityRules.Decision d = IdentityRules.decide(event(Channel.WEB, "a:w1", new PageView("https://shop/x", null, null)), graph);
        assertThat(d.target()).isEqualTo("u:7");
        assertThat(IdentityRules.decide(event(Channel.WEB, "a:new", new PageView("https://shop/x", null, null)), graph).target()).isEqualTo("a:new");
    }
}
