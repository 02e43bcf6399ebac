package io.quanyu.chatbot.messaging;

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

/** Orders with poison among them: each purchase one order the chatbot can answer about, each poison record one dead letter. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PoisonedStreamTest extends PoisonedStreamTestBase {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quanyu.chatbot.group-id")
    String group;

    @Override
    protected String consumerGroup() {
        return group;
    }

    @Override
    protected CloudEvent good(String run, int i) {
        BigDecimal price = BigDecimal.valueOf(5 + i % 40);
        return PoisonMix.event(run + "-order-" + i, "u:" + run + "-" + i % 700, EventType.PURCHASE,
                new Purchase("o-" + run + "-" + i, List.of(new OrderLine("sku-" + i % 50, 1 + i % 3, price)),
                        price.multiply(BigDecimal.valueOf(1 + i % 3)), "CNY", null), Instant.now().minusSeconds(20_000 - i));
    }

    @Override
    protected long applied(String run) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM chat_order WHERE order_id LIKE ?")) {
            ps.setString(1, "o-" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
