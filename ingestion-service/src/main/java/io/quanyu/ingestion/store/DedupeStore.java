package io.quanyu.ingestion.store;

import io.quanyu.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Remembers published event ids in PostgreSQL for a window (7 days by default). Claiming is one upsert per
 * batch: an id is new, or was claimed by the same raw record (this service retrying after a crash, which
 * must publish it again), or it is a duplicate.
 */
@ApplicationScoped
public class DedupeStore {

    /** One event id with the raw record it came from. */
    public record Claim(UUID eventId, String topic, int partition, long offset) {
    }

    // The CASE keeps a live claim untouched and takes over an expired one; RETURNING gives the owner either way.
    private static final String CLAIM = """
            INSERT INTO seen_events AS s (event_id, src_topic, src_partition, src_offset, seen_at)
            SELECT id, t, p, o, now() FROM unnest(?::uuid[], ?::text[], ?::int[], ?::bigint[]) AS u(id, t, p, o) ORDER BY id
            ON CONFLICT (event_id) DO UPDATE SET
              src_topic = CASE WHEN s.seen_at < ? THEN excluded.src_topic ELSE s.src_topic END,
              src_partition = CASE WHEN s.seen_at < ? THEN excluded.src_partition ELSE s.src_partition END,
              src_offset = CASE WHEN s.seen_at < ? THEN excluded.src_offset ELSE s.src_offset END,
              seen_at = CASE WHEN s.seen_at < ? THEN now() ELSE s.seen_at END
            RETURNING event_id, src_topic, src_partition, src_offset""";

    private static final String CLEANUP = """
            DELETE FROM seen_events WHERE ctid = ANY(ARRAY(SELECT ctid FROM seen_events WHERE seen_at < ? LIMIT ?))""";

    private final DataSource dataSource;
    private final IngestionConfig config;

    public DedupeStore(DataSource dataSource, IngestionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Claims the ids in one transaction; returns the ids already claimed by another raw record within the
     * window (the duplicates). Ids must be distinct: two claims of one id in a batch are the caller's to settle.
     */
    public Set<UUID> claim(List<Claim> claims) throws SQLException {
        if (claims.isEmpty()) {
            return Set.of();
        }
        // One lock order for every instance, so two instances claiming overlapping ids cannot deadlock.
        List<Claim> sorted = claims.stream().sorted(Comparator.comparing(Claim::eventId)).toList();
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.dedupe().window());
        Set<UUID> duplicates = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            int n = sorted.size();
            UUID[] ids = new UUID[n];
            String[] topics = new String[n];
            Integer[] partitions = new Integer[n];
            Long[] offsets = new Long[n];
            for (int i = 0; i < n; i++) {
                Claim claim = sorted.get(i);
                ids[i] = claim.eventId();
                topics[i] = claim.topic();
                partitions[i] = claim.partition();
                offsets[i] = claim.offset();
            }
            Array a1 = c.createArrayOf("uuid", ids);
            Array a2 = c.createArrayOf("text", topics);
            Array a3 = c.createArrayOf("int4", partitions);
            Array a4 = c.createArrayOf("int8", offsets);
            ps.setArray(1, a1);
            ps.setArray(2, a2);
            ps.setArray(3, a3);
            ps.setArray(4, a4);
            for (int i = 5; i <= 8; i++) {
                ps.setObject(i, cutoff);
            }
            java.util.Map<UUID, Claim> mine = new java.util.HashMap<>(n * 2);
            sorted.forEach(cl -> mine.put(cl.eventId(), cl));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Claim own = mine.get(id);
                    if (own != null && !(own.topic().equals(rs.getString(2)) && own.partition() == rs.getInt(3) && own.offset() == rs.getLong(4))) {
                        duplicates.add(id);
                    }
                }
            }
        }
        return duplicates;
    }

    /** Deletes up to {@code limit} ids older than the window; returns how many. */
    public int deleteExpired(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLEANUP)) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.dedupe().window()));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        }
    }

    /** Ids currently remembered (for tests and the operator). */
    public long size() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM seen_events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
