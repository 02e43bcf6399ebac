package io.quanyu.ingestion.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Claims and the 7-day window against the real PostgreSQL. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class DedupeStoreTest {

    @Inject
    DedupeStore store;

    @Inject
    DataSource dataSource;

    @Test
    void aClaimIsNewOnceARetryOfTheSameRecordAndADuplicateFromAnotherRecord() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(store.claim(List.of(new DedupeStore.Claim(a, "raw.web", 1, 10), new DedupeStore.Claim(b, "raw.web", 1, 11)))).isEmpty();
        // The same raw records again (this service retrying after a crash): not duplicates.
        assertThat(store.claim(List.of(new DedupeStore.Claim(a, "raw.web", 1, 10)))).isEmpty();
        // The same event ids from other records (the channel resent them): duplicates.
        assertThat(store.claim(List.of(new DedupeStore.Claim(a, "raw.web", 1, 99), new DedupeStore.Claim(b, "raw.app", 0, 11),
                new DedupeStore.Claim(UUID.randomUUID(), "raw.web", 1, 100)))).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void idsOlderThanTheWindowAreForgottenAndCanBeClaimedAgain() throws Exception {
        UUID old = UUID.randomUUID();
        UUID expiredButKept = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        store.claim(List.of(new DedupeStore.Claim(old, "raw.web", 2, 1), new DedupeStore.Claim(expiredButKept, "raw.web", 2, 2),
                new DedupeStore.Claim(fresh, "raw.web", 2, 3)));
        age(old, "8 days");
        age(expiredButKept, "8 days");
        age(fresh, "6 days");
        // Past the window an id is new again, even before the janitor has deleted it.
        assertThat(store.claim(List.of(new DedupeStore.Claim(expiredButKept, "raw.web", 2, 50)))).isEmpty();
        assertThat(store.claim(List.of(new DedupeStore.Claim(fresh, "raw.web", 2, 51)))).containsExactly(fresh);
        long before = store.size();
        assertThat(store.deleteExpired(1000)).isGreaterThanOrEqualTo(1);
        assertThat(store.size()).isLessThan(before);
        assertThat(store.claim(List.of(new DedupeStore.Claim(old, "raw.web", 2, 52)))).isEmpty();
        assertThat(store.claim(List.of(new DedupeStore.Claim(expiredButKept, "raw.web", 2, 53)))).containsExactly(expiredButKept);
    }

    private void age(UUID id, String by) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE seen_events SET seen_at = now() - ?::interval WHERE event_id = ?")) {
            ps.setString(1, by);
            ps.setObject(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
