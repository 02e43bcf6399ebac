package io.quanyu.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One round of a database outbox, the part every service's outbox shares: lock a batch of unpublished rows (SKIP LOCKED,
 * so instances never send the same rows at once), hand it to the sender, and mark it published in the same transaction
 * only once the sender returned (the broker acknowledged it); a failure rolls back and leaves the rows for the next
 * round. {@link OutboxRelay} runs the rounds.
 *
 * @param <T> the published record
 */
public final class OutboxDrain<T> {

    /** Sends a batch and returns once the broker has acknowledged every record (or throws). */
    @FunctionalInterface
    public interface Sender<T> {
        void send(List<T> batch) throws Exception;
    }

    /** Reads one locked row into its record. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws Exception;
    }

    private final DataSource dataSource;
    private final String select;
    private final Row<T> row;
    private final String markPublished;
    private final Function<T, String> id;

    /**
     * @param select   a query of unpublished rows, oldest first, with the batch size as its one parameter, ending in
     *                 {@code FOR UPDATE SKIP LOCKED}
     * @param table    the outbox table, with a boolean {@code published} column
     * @param idColumn its text key, the value of {@code id} for a record
     */
    public OutboxDrain(DataSource dataSource, String select, Row<T> row, String table, String idColumn, Function<T, String> id) {
        if (!select.contains("FOR UPDATE SKIP LOCKED")) {
            throw new IllegalArgumentException("an outbox query must lock what it claims: FOR UPDATE SKIP LOCKED");
        }
        this.dataSource = dataSource;
        this.select = select;
        this.row = row;
        this.markPublished = "UPDATE " + table + " SET published = true WHERE " + idColumn + " = ANY (?)";
        this.id = id;
    }

    /** Publishes up to {@code limit} unpublished records; returns how many. */
    public int publish(int limit, Sender<T> sender) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<T> batch = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(select)) {
                    s.setInt(1, limit);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            batch.add(row.read(rs));
                        }
                    }
                }
                if (batch.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                sender.send(batch);
                try (PreparedStatement u = c.prepareStatement(markPublished)) {
                    u.setArray(1, c.createArrayOf("text", batch.stream().map(id).toArray()));
                    u.executeUpdate();
                }
                c.commit();
                return batch.size();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }
}
