package io.quanyu.profile.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Consumer offsets kept with the portraits, so applying a batch and recording it are one transaction. */
@ApplicationScoped
public class OffsetStore {

    public Map<TopicPartition, Long> read(Connection c, String group, String topic) throws SQLException {
        Map<TopicPartition, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT partition, next_offset FROM consumer_offset WHERE group_id = ? AND topic = ?")) {
            ps.setString(1, group);
            ps.setString(2, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Moves a partition's offset forward to {@code next} (never back): past a record that was parked. */
    public void advance(Connection c, String group, TopicPartition tp, long next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO consumer_offset (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = GREATEST(consumer_offset.next_offset, excluded.next_offset)""")) {
            ps.setString(1, group);
            ps.setString(2, tp.topic());
            ps.setInt(3, tp.partition());
            ps.setLong(4, next);
            ps.executeUpdate();
        }
    }

    public void write(Connection c, String group, Map<TopicPartition, Long> next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO consumer_offset (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset""")) {
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                ps.setString(1, group);
                ps.setString(2, e.getKey().topic());
                ps.setInt(3, e.getKey().partition());
                ps.setLong(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
