package io.quanyu.engagement.bench;

import io.quanyu.events.Topics;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** What the bench reads off the running service: its Prometheus counters, its consumer group's progress, its database. */
final class Gauges implements AutoCloseable {

    private final ServiceProcess service;
    private final Map<String, String> env;
    private final String group;
    private final Admin admin;
    private final HttpClient http = HttpClient.newHttpClient();

    Gauges(ServiceProcess service, Map<String, String> env, String bootstrap, String group) {
        this.service = service;
        this.env = env;
        this.group = group;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** The sum of a counter's series. */
    double counter(String name) {
        return byLabel(name, "").values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A counter's series by the value of one label ({@code outcome}, say); an empty label sums into "". */
    Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> out = new HashMap<>();
        for (String line : service.get("/q/metrics").body().lines().toList()) {
            if (!(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String key = "";
            int at = line.indexOf(label + "=\"");
            if (!label.isEmpty() && at >= 0) {
                int from = at + label.length() + 2;
                key = line.substring(from, line.indexOf('"', from));
            }
            out.merge(key, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
        }
        return out;
    }

    /** Records on events.v1 the service's consumer group has not committed yet. */
    long lag() throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get().get(Topics.EVENTS).partitions().stream()
                .map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        long lag = 0;
        for (var e : admin.listOffsets(latest).all().get().entrySet()) {
            var c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Triggers of this journey whose wait is over and that are not decided yet. */
    long dueUndecided(String journeyId) throws Exception {
        return pending(journeyId, "AND due_at <= now()");
    }

    /** Triggers of this journey not decided yet, due or not. */
    long pending(String journeyId) throws Exception {
        return pending(journeyId, "");
    }

    private long pending(String journeyId, String condition) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM journey_trigger WHERE journey_id = ? AND state = 'pending' " + condition)) {
            s.setString(1, journeyId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Milliseconds from due to decided of every decided trigger of customers whose key starts with the prefix (any outcome). */
    double[] decisionLagMillis(String journeyId, String keyPrefix) throws Exception {
        List<Double> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT extract(epoch FROM decided_at - due_at) * 1000 FROM journey_trigger
                WHERE journey_id = ? AND customer_key LIKE ? AND state <> 'pending'""")) {
            s.setString(1, journeyId);
            s.setString(2, keyPrefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getDouble(1));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** An admin POST of a JSON body; fails unless 2xx. */
    void post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.url(path))).header("Authorization", TestCredentials.ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** An admin DELETE; fails unless 2xx. */
    void delete(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.url(path))).header("Authorization", TestCredentials.ADMIN)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("DELETE " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(env.get("QUANYU_DB_URL"), env.get("QUANYU_DB_USER"), env.get("QUANYU_DB_PASSWORD"));
    }

    @Override
    public void close() {
        admin.close();
    }
}
