package io.quanyu.ads.store;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.ads.domain.audience.AudienceMember;
import io.quanyu.ads.domain.audience.AudienceRanker;
import io.quanyu.ads.domain.audience.RankedMember;
import io.quanyu.ads.domain.audience.TargetingSpec;
import io.quanyu.events.ProfileDigest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.sql.DataSource;

/** Customers from profile.updates.v1 (which keys are one customer; segments and propensity for audiences), and erasure. */
@ApplicationScoped
public class CustomerStore {

    private final DataSource dataSource;
    private final Attribution attribution;
    private final Duration lookback;

    public CustomerStore(DataSource dataSource, Attribution attribution, AdsConfig config) {
        this.dataSource = dataSource;
        this.attribution = attribution;
        this.lookback = config.reattributeLookback();
    }

    /**
     * Replaces what is known of a customer; its keys now point at it. When it gained keys, its recent orders are attributed
     * again, so clicks made under a key linked only now earn their credit. Returns what that credited for the first time.
     */
    public Map<AttributionModel, Attribution.Tally> upsert(ProfileDigest p) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> before = new HashSet<>();
                try (PreparedStatement s = c.prepareStatement("SELECT user_key FROM customer_key WHERE customer_id = ?")) {
                    s.setString(1, p.customerId());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            before.add(rs.getString(1));
                        }
                    }
                }
                try (PreparedStatement customer = c.prepareStatement("""
                        INSERT INTO customer (customer_id, segments, propensity, churn_risk) VALUES (?, ?, ?, ?)
                        ON CONFLICT (customer_id) DO UPDATE SET segments = excluded.segments, propensity = excluded.propensity,
                          churn_risk = excluded.churn_risk, updated_at = now()""");
                     PreparedStatement keys = c.prepareStatement("""
                        INSERT INTO customer_key (user_key, customer_id) SELECT k, ? FROM unnest(?::text[]) k
                        ON CONFLICT (user_key) DO UPDATE SET customer_id = excluded.customer_id""")) {
                    customer.setString(1, p.customerId());
                    customer.setArray(2, c.createArrayOf("text", p.segments().toArray()));
                    setDouble(customer, 3, p.purchasePropensity());
                    setDouble(customer, 4, p.churnRisk());
                    customer.executeUpdate();
                    keys.setString(1, p.customerId());
                    keys.setArray(2, c.createArrayOf("text", new LinkedHashSet<>(p.keys()).toArray()));
                    keys.executeUpdate();
                }
                Map<AttributionModel, Attribution.Tally> tallies = Map.of();
                if (!before.containsAll(p.keys())) {
                    tallies = attribution.attribute(c, attribution.ordersOfCustomer(c, p.customerId(), Instant.now().minus(lookback)));
                }
                c.commit();
                return tallies;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A tombstone: the customer was merged into another (its keys already point at the survivor) or erased. */
    public void removed(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM customer WHERE customer_id = ?")) {
            s.setString(1, customerId);
            s.executeUpdate();
        }
    }

    /** Whether a user key is linked to a customer (tests wait on it). */
    public boolean linked(String userKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1 FROM customer_key WHERE user_key = ?")) {
            s.setString(1, userKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Deletes the customer's touches, key links and row, and unlinks its orders (they stay, anonymous, so a replay of the
     * purchase is not counted again); aggregate counters and credits stay. Returns the rows changed.
     */
    public int erase(String customerId, List<String> keys) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> all = new LinkedHashSet<>(keys);
                try (PreparedStatement s = c.prepareStatement("SELECT user_key FROM customer_key WHERE customer_id = ?")) {
                    s.setString(1, customerId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            all.add(rs.getString(1));
                        }
                    }
                }
                Object[] k = all.toArray();
                int rows = 0;
                for (String sql : List.of("DELETE FROM ad_touch WHERE user_key = ANY (?)", "UPDATE ad_order SET user_key = NULL WHERE user_key = ANY (?)",
                        "DELETE FROM customer_key WHERE user_key = ANY (?)")) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setArray(1, c.createArrayOf("text", k));
                        rows += s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM customer_key WHERE customer_id = ?");
                     PreparedStatement cu = c.prepareStatement("DELETE FROM customer WHERE customer_id = ?")) {
                    s.setString(1, customerId);
                    cu.setString(1, customerId);
                    rows += s.executeUpdate() + cu.executeUpdate();
                }
                c.commit();
                return rows;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * The best {@code limit} customers for a targeting spec, streamed through the ranker (only {@code limit} are held).
     * Customers the profile has not scored yet rank with propensity 0.
     */
    public List<RankedMember> audience(TargetingSpec spec, int limit) throws SQLException {
        boolean filter = spec.mode() == TargetingSpec.Mode.FILTER && !spec.targetSegments().isEmpty();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT customer_id, propensity, segments FROM customer WHERE NOT (segments && ?::text[])" + (filter ? " AND segments && ?::text[]" : ""))) {
            c.setAutoCommit(false);
            s.setFetchSize(2000);
            s.setArray(1, c.createArrayOf("text", spec.excludedSegments().toArray()));
            if (filter) {
                s.setArray(2, c.createArrayOf("text", spec.targetSegments().toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                List<RankedMember> top = AudienceRanker.top(spec, () -> members(rs), limit);
                c.commit();
                return top;
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw e;
            }
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null || !Double.isFinite(v)) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    private static Iterator<AudienceMember> members(ResultSet rs) {
        return new Iterator<>() {
            private Boolean ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    try {
                        ready = rs.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return ready;
            }

            @Override
            public AudienceMember next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = null;
                try {
                    double p = rs.getDouble(2);
                    p = rs.wasNull() || !Double.isFinite(p) ? 0 : Math.max(0, Math.min(1, p));
                    return new AudienceMember(rs.getString(1), p, new HashSet<>(CampaignStore.texts(rs.getArray(3))));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
