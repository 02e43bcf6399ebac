package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Birthday;
import io.quanyu.engagement.domain.Journey;
import io.quanyu.engagement.domain.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Birthdays from identify traits, and the triggers of birthday journeys on the day: one per journey, customer and year
 * (the trigger's id names the year), however often the day is scanned.
 */
final class Birthdays {

    private Birthdays() {
    }

    /** Keeps the month and day of the trait (a later identify wins); a value that is not a date removes it. */
    static int store(Connection c, String customerKey, String value, String channel, Instant at) throws SQLException {
        var day = Birthday.parse(value);
        if (day.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM customer_birthday WHERE customer_key = ? AND at <= ?")) {
                s.setString(1, customerKey);
                s.setTimestamp(2, Timestamp.from(at));
                return s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO customer_birthday (customer_key, month_day, channel, at) VALUES (?, ?, ?, ?)
                ON CONFLICT (customer_key) DO UPDATE SET month_day = excluded.month_day, channel = excluded.channel, at = excluded.at
                WHERE customer_birthday.at <= excluded.at""")) {
            s.setString(1, customerKey);
            s.setString(2, Birthday.key(day.get()));
            s.setString(3, channel);
            s.setTimestamp(4, Timestamp.from(at));
            return s.executeUpdate();
        }
    }

    /** Starts the birthday journeys of customers whose birthday it is today in each journey's zone; returns triggers started. */
    static int start(Connection c, Instant now) throws SQLException {
        int n = 0;
        for (Journey j : Definitions.activeJourneys(c, List.of(Trigger.BIRTHDAY))) {
            ZoneId zone = j.quietHours() == null ? ZoneOffset.UTC : ZoneId.of(j.quietHours().zone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<String> days = Birthday.celebratedOn(today).stream().map(Birthday::key).toList();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT b.customer_key, b.channel FROM customer_birthday b WHERE b.month_day = ANY (?)
                    AND NOT EXISTS (SELECT 1 FROM journey_trigger t WHERE t.journey_id = ? AND t.customer_key = b.customer_key AND t.trigger_event_id = ?)""")) {
                String id = "birthday:" + today.getYear();
                s.setArray(1, c.createArrayOf("text", days.toArray()));
                s.setString(2, j.journeyId());
                s.setString(3, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (j.triggeredOn(rs.getString(2))) {
                            n += EventStore.insertTrigger(c, j, rs.getString(1), id, rs.getString(2), List.of(), now);
                        }
                    }
                }
            }
        }
        return n;
    }
}
