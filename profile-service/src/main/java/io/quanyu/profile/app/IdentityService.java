package io.quanyu.profile.app;

import io.quanyu.events.IdentityChange;
import io.quanyu.events.UserKey;
import io.quanyu.profile.config.ProfileConfig;
import io.quanyu.profile.domain.IdentityKeys;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.domain.PortraitRebuild;
import io.quanyu.profile.messaging.ProfilePublisher;
import io.quanyu.profile.messaging.SegmentEvaluator;
import io.quanyu.profile.store.ClaimStore;
import io.quanyu.profile.store.ProfileStore;
import io.quanyu.profile.store.SegmentStore;
import io.quanyu.profile.store.UnpublishedStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The identity graph's back-office use cases: what a customer's graph holds (keys, unverified hints, conflicts) and
 * the admin's split of a wrong merge, which moves keys out into a customer of their own in one transaction.
 */
@ApplicationScoped
public class IdentityService {

    private static final Logger LOG = Logger.getLogger(IdentityService.class);

    /** A request the graph refuses; {@code code} and {@code message} go to the caller as a 4xx. */
    public static final class Refused extends Exception {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** A customer's identity: linked keys, keys held as hints, and conflicts on either side. */
    public record Identity(String customerId, List<String> keys, List<ClaimStore.Hint> hints, List<ClaimStore.Conflict> conflicts) {
    }

    /** The outcome of a split: {@code moved} now form {@code into}; {@code from} keeps the rest. */
    public record Split(String from, String into, List<String> moved, Instant at) {
    }

    private final DataSource dataSource;
    private final ProfileStore profiles;
    private final ClaimStore claims;
    private final SegmentStore segments;
    private final SegmentEvaluator evaluator;
    private final UnpublishedStore unpublished;
    private final ProfilePublisher publisher;
    private final ProfileConfig config;

    public IdentityService(DataSource dataSource, ProfileStore profiles, ClaimStore claims, SegmentStore segments, SegmentEvaluator evaluator,
                           UnpublishedStore unpublished, ProfilePublisher publisher, ProfileConfig config) {
        this.dataSource = dataSource;
        this.profiles = profiles;
        this.claims = claims;
        this.segments = segments;
        this.evaluator = evaluator;
        this.unpublished = unpublished;
        this.publisher = publisher;
        this.config = config;
    }

    /** The identity of the customer an id names, if any. */
    public Optional<Identity> identity(String id, int conflictLimit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> customer = profiles.resolve(c, id);
            if (customer.isEmpty()) {
                return Optional.empty();
            }
            String cid = customer.get();
            return Optional.of(new Identity(cid, profiles.keysOf(c, cid), claims.hintsOf(c, cid), claims.conflicts(c, cid, conflictLimit)));
        }
    }

    /** The newest conflicts of everyone. */
    public List<ClaimStore.Conflict> conflicts(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return claims.conflicts(c, null, limit);
        }
    }

    /**
     * Moves {@code keys} out of the customer {@code id} names into a customer of their own, named by their best key.
     * Both portraits are rebuilt from the history rows that arrived under their keys; the traits stay with the half
     * that keeps the old user id.
     */
    public Split split(String id, List<String> keys) throws SQLException, Refused {
        Set<String> wanted = new LinkedHashSet<>();
        for (String k : keys) {
            if (!UserKey.isValid(k)) {
                throw new Refused(400, "invalid_key", "'" + k + "' is not a user key (u:<id> or a:<id>)");
            }
            wanted.add(k);
        }
        if (wanted.isEmpty()) {
            throw new Refused(400, "invalid_request", "keys: name at least one key to move out");
        }
        Instant at = Instant.now();
        Split result;
        Map<String, Portrait> rebuilt;
        Map<String, List<String>> keysAfter;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String customer = profiles.resolve(c, id).orElseThrow(() -> new Refused(404, "not_found", "no customer has the id '" + id + "'"));
                List<String> all = profiles.lockKeysOf(c, customer);
                Portrait old = profiles.lockProfiles(c, List.of(customer)).get(customer);
                for (String k : wanted) {
                    if (!all.contains(k)) {
                        throw new Refused(400, "not_a_key_of_customer", "'" + k + "' is not a key of customer " + customer);
                    }
                }
                List<String> rest = new ArrayList<>(all);
                rest.removeAll(wanted);
                if (rest.isEmpty()) {
                    throw new Refused(400, "nothing_left", "a split must leave at least one key with customer " + customer);
                }
                // The side that does not hold the customer's name moves; the old name stays with the other.
                List<String> moving = wanted.contains(customer) ? rest : new ArrayList<>(wanted);
                String into = IdentityKeys.best(moving);
                profiles.split(c, customer, moving, into);
                rebuilt = Map.of(customer, rebuild(c, customer, old, true), into, rebuild(c, into, old, false));
                profiles.saveProfiles(c, rebuilt.values());
                List<String[]> memberships = new ArrayList<>();
                rebuilt.values().forEach(p -> evaluator.matching(p).forEach(s -> memberships.add(new String[] {s, p.customerId})));
                segments.replaceRuleMemberships(c, rebuilt.keySet(), memberships);
                unpublished.mark(c, rebuilt.keySet(), at);
                keysAfter = profiles.keysOfAll(c, rebuilt.keySet());
                c.commit();
                result = new Split(customer, into, List.copyOf(moving), at);
            } catch (SQLException | RuntimeException | Refused e) {
                c.rollback();
                throw e;
            }
        }
        try {
            publisher.publishCurrent(rebuilt, keysAfter, List.of());
            publisher.publishIdentity(new IdentityChange(IdentityChange.SPLIT, result.from(), null, null, result.into(), "admin_split", null, at));
            unpublished.clear(rebuilt.keySet(), at);
        } catch (Exception e) {
            // The portraits stay marked: the resender publishes them when the broker is back.
            LOG.warnf("split %s -> %s committed; publishing deferred: %s", result.from(), result.into(), e.getMessage());
        }
        return result;
    }

    private Portrait rebuild(Connection c, String customer, Portrait old, boolean keepsTraits) throws SQLException {
        List<PortraitRebuild.Row> rows = profiles.historyOf(c, customer).stream()
                .map(r -> new PortraitRebuild.Row(r.at(), r.type(), r.channel(), r.amount(), r.category())).toList();
        String userId = IdentityKeys.userIdOf(customer);
        Portrait p = PortraitRebuild.of(customer, userId, rows, config.interestHalfLife());
        if (keepsTraits && old != null) {
            p.traits.putAll(old.traits);
            p.sentimentSum = old.sentimentSum;
            p.sentimentCount = old.sentimentCount;
            p.brands.putAll(old.brands);
        }
        return p;
    }
}
