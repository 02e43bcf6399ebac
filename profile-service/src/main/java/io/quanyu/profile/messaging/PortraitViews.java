package io.quanyu.profile.messaging;

import io.quanyu.profile.config.ProfileConfig;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.domain.PortraitView;
import io.quanyu.profile.domain.RfmScorer;
import io.quanyu.profile.store.ProfileStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Builds served portraits: stored state plus RFM scores (quintiles refitted on a schedule) and lifecycle as of now. */
@ApplicationScoped
public class PortraitViews {

    private static final Logger LOG = Logger.getLogger(PortraitViews.class);

    private final DataSource dataSource;
    private final ProfileConfig config;
    private final PortraitView.Lifecycle lifecycle;
    private volatile RfmScorer rfm = RfmScorer.neutral();

    public PortraitViews(DataSource dataSource, ProfileConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.lifecycle = new PortraitView.Lifecycle(config.newFor(), config.activeWithin(), config.lostAfter());
    }

    public PortraitView view(Portrait p, List<String> keys, Double propensity, Double churn, List<String> segments) {
        return PortraitView.of(p, keys, Instant.now(), config.interestHalfLife(), rfm, lifecycle, propensity, churn, segments);
    }

    /** Refits RFM quintiles over every portrait. */
    @Scheduled(every = "${quanyu.profile.rfm-refit-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refitRfm() {
        List<Portrait> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT portrait FROM profile");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(ProfileStore.parse(rs.getString(1)));
            }
            rfm = RfmScorer.fit(all, Instant.now());
        } catch (SQLException e) {
            LOG.warnf("RFM refit failed, keeping the previous quintiles: %s", e.getMessage());
        }
    }
}
