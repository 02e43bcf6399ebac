package io.quanyu.recommender.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.ProductView;
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

/** Product views with poison among them: each view one interaction row, each poison record one dead letter. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PoisonedStreamTest extends PoisonedStreamTestBase {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quanyu.recommender.group-id")
    String group;

    @Override
    protected String consumerGroup() {
        return group;
    }

    @Override
    protected CloudEvent good(String run, int i) {
        return PoisonMix.event(run + "-view-" + i, "u:" + run + "-" + i % 500, EventType.PRODUCT_VIEW,
                new ProductView("p-" + i % 300, null, null), Instant.now().minusSeconds(20_000 - i));
    }

    @Override
    protected long applied(String run) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM interaction WHERE user_key LIKE ?")) {
            ps.setString(1, "u:" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
