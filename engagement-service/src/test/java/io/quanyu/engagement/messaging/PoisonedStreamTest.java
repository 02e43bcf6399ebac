package io.quanyu.engagement.messaging;

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
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Purchases with poison among them: each purchase stored once, each poison record one dead letter. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PoisonedStreamTest extends PoisonedStreamTestBase {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quanyu.engagement.group-id")
    String group;

    @Override
    protected String consumerGroup() {
        return group;
    }

    @Override
    protected CloudEvent good(String run, int i) {
        BigDecimal amount = BigDecimal.valueOf(10 + i % 50);
        return PoisonMix.event(run + "-buy-" + i, "u:" + run + "-" + i % 900, EventType.PURCHASE,
                new Purchase("o-" + run + "-" + i, List.of(new OrderLine("sku-" + i % 7, 1, amount)), amount, "CNY", null),
                Instant.now().minusSeconds(20_000 - i));
    }

    @Override
    protected long applied(String run) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM purchase WHERE order_id LIKE ?")) {
            ps.setString(1, "o-" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
