package io.quanyu.profile.store;

import io.quanyu.events.Json;
import io.quanyu.profile.domain.model.Activity;
import io.quanyu.profile.domain.model.CustomerHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The event history the models learn from, the customers' scores, and the record of each training run. */
@ApplicationScoped
public class ModelStore {

    private final DataSource dataSource;

    public ModelStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every customer's history, from the compact event table. */
    public List<CustomerHistory> histories() throws SQLException {
        Map<String, List<Activity>> byCustomer = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, at, type, amount, category FROM customer_event ORDER BY customer_id")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byCustomer.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Activity(rs.getTimestamp(2).toInstant(),
                                rs.getString(3), rs.getBigDecimal(4), rs.getString(5)));
                    }
                }
            }
            c.commit();
        }
        List<CustomerHistory> out = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((id, acts) -> out.add(new CustomerHistory(id, acts)));
        return out;
    }

    /** Writes the scores of every scored customer; customers not in the maps get null. */
    public void writeScores(Map<String, Double> propensity, Map<String, Double> churn) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement clear = c.prepareStatement("UPDATE profile SET propensity = NULL, churn_risk = NULL")) {
                clear.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE profile p SET propensity = x.pr, churn_risk = x.ch
                    FROM unnest(?::text[], ?::float8[], ?::float8[]) AS x(id, pr, ch) WHERE p.customer_id = x.id""")) {
                List<String> ids = new ArrayList<>(propensity.keySet());
                churn.keySet().stream().filter(k -> !propensity.containsKey(k)).forEach(ids::add);
                ps.setArray(1, c.createArrayOf("text", ids.toArray()));
                ps.setArray(2, c.createArrayOf("float8", ids.stream().map(propensity::get).toArray()));
                ps.setArray(3, c.createArrayOf("float8", ids.stream().map(churn::get).toArray()));
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    public void recordRun(String kind, Object model, Object metrics) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO model_run (kind, model, metrics) VALUES (?, ?::jsonb, ?::jsonb)")) {
            ps.setString(1, kind);
            ps.setString(2, Json.MAPPER.valueToTree(model).toString());
            ps.setString(3, Json.MAPPER.valueToTree(metrics).toString());
            ps.executeUpdate();
        }
    }

    /** The latest run of each kind: kind, trained_at and metrics. */
    public List<Map<String, Object>> latestRuns() throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (kind) kind, trained_at, metrics::text FROM model_run ORDER BY kind, trained_at DESC, id DESC""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("kind", rs.getString(1));
                run.put("trained_at", rs.getTimestamp(2).toInstant());
                try {
                    run.put("metrics", Json.MAPPER.readTree(rs.getString(3)));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                out.add(run);
            }
        }
        return out;
    }

    /** Replaces the behaviour-cluster segments and their members. */
    public void replaceClusters(List<String[]> segments, List<String[]> members) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM segment WHERE kind = 'cluster'")) {
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO segment (id, name, kind, description) VALUES (?, ?, 'cluster', ?)")) {
                for (String[] s : segments) {
                    ps.setString(1, s[0]);
                    ps.setString(2, s[1]);
                    ps.setString(3, s[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO segment_member (segment_id, customer_id)
                    SELECT m.s, m.c FROM unnest(?::text[], ?::text[]) AS m(s, c)
                    WHERE EXISTS (SELECT 1 FROM profile p WHERE p.customer_id = m.c) ON CONFLICT DO NOTHING""")) {
                ps.setArray(1, c.createArrayOf("text", members.stream().map(m -> m[0]).toArray()));
                ps.setArray(2, c.createArrayOf("text", members.stream().map(m -> m[1]).toArray()));
                ps.executeUpdate();
            }
            c.commit();
        }
    }
}
