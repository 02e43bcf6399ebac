package io.quanyu.forecast.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.chaos.PoisonMix;
import io.quanyu.testkit.chaos.PoisonedStreamTestBase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Online orders over 20 weeks with poison among them: each unit counted once in the weekly demand, each poison record one dead letter. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PoisonedStreamTest extends PoisonedStreamTestBase {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quanyu.forecast.group-id")
    String group;

    @Override
    protected String consumerGroup() {
        return group;
    }

    @Override
    protected CloudEvent good(String run, int i) {
        int units = 1 + i % 3;
        return PoisonMix.event(run + "-sale-" + i, "u:" + run + "-" + i % 600, EventType.PURCHASE,
                new Purchase("o-" + run + "-" + i, List.of(new OrderLine(run + "-sku-" + i % 8, units, BigDecimal.TEN)),
                        BigDecimal.TEN.multiply(BigDecimal.valueOf(units)), "CNY", null),
                Instant.now().minus(Duration.ofDays(140)).plus(Duration.ofMinutes(20L * i)));
    }

    /** Units, not rows: a week's row adds up its sales, and each sale must be in it exactly once. */
    @Override
    protected long applied(String run) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(quantity), 0) FROM weekly_demand WHERE sku LIKE ? AND store = ?")) {
            ps.setString(1, run + "-sku-%");
            ps.setString(2, DemandRows.ONLINE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    protected long expected() {
        long units = 0;
        for (int i = 0; i < GOOD; i++) {
            units += 1 + i % 3;
        }
        return units;
    }
}
