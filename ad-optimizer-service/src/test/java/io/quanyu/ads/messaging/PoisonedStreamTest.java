package io.quanyu.ads.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.AdEvent;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.chaos.PoisonMix;
import io.quanyu.testkit.chaos.PoisonedStreamTestBase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Ad impressions with poison among them: each impression counted once in the daily counters, each poison record one dead letter. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PoisonedStreamTest extends PoisonedStreamTestBase {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quanyu.ads.group-id")
    String group;

    @Override
    protected String consumerGroup() {
        return group;
    }

    @Override
    protected CloudEvent good(String run, int i) {
        return PoisonMix.event(run + "-imp-" + i, "a:" + run + "-" + i % 900, EventType.AD_IMPRESSION,
                new AdEvent("wechat", "camp-" + run, "ad-" + run + "-" + i % 4, null, null, null), Instant.now().minusSeconds(20_000 - i));
    }

    @Override
    protected long applied(String run) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(impressions), 0) FROM ad_daily WHERE campaign_id = ?")) {
            ps.setString(1, "camp-" + run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
