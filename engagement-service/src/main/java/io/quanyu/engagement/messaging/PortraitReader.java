package io.quanyu.engagement.messaging;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.store.Portraits;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.RecommendationList;
import io.quanyu.events.Topics;
import io.quanyu.support.CompactedFeed;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Follows profile.updates.v1 (keys, portraits, portrait triggers) and recommendations.v1 into the database, on watched threads. */
@ApplicationScoped
public class PortraitReader {

    private final String bootstrap;
    private final EngagementConfig config;
    private final Portraits portraits;
    private final EngagementMetrics metrics;
    private final ConsumerThreads threads;
    private final DeadLetters deadLetters;

    public PortraitReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, EngagementConfig config, Portraits portraits,
                          EngagementMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.portraits = portraits;
        this.metrics = metrics;
        this.threads = threads;
        this.deadLetters = deadLetters;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consume()) {
            return;
        }
        threads.start("engagement-portraits", new CompactedFeed<>(bootstrap, config.groupId() + "-portraits", Topics.PROFILE_UPDATES,
                ProfileDigest.class, CompactedFeed.Sink.of((id, p) -> metrics.portrait(portraits.upsert(p, Instant.now())), portraits::removed),
                threads::running, deadLetters));
        threads.start("engagement-recommendations", new CompactedFeed<>(bootstrap, config.groupId() + "-recommendations", Topics.RECOMMENDATIONS,
                RecommendationList.class, CompactedFeed.Sink.of((id, list) -> {
                    portraits.recommended(id, list);
                    metrics.portrait(0);
                }, portraits::recommendationsRemoved), threads::running, deadLetters));
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
