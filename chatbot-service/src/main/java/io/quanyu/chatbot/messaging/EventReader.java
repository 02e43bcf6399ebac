package io.quanyu.chatbot.messaging;

import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.chatbot.store.CustomerKeys;
import io.quanyu.chatbot.store.OrderStore;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Product;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.Topics;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.CompactedFeed;
import io.quanyu.support.EventBatchReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads purchases and refunds from events.v1 into the order store (offsets committed after the rows are stored; a
 * redelivered event stores nothing twice), catalog.products.v1 into the models' product names and facts, and
 * profile.updates.v1 into the customers' keys (a customer's orders under any of their keys are theirs).
 */
@ApplicationScoped
public class EventReader {

    private final String bootstrap;
    private final ChatbotConfig config;
    private final Models models;
    private final CustomerKeys customerKeys;
    private final EventBatchReader events;
    private final ConsumerThreads threads;
    private final DeadLetters deadLetters;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ChatbotConfig config, OrderStore orders,
                       CustomerKeys customerKeys, Models models, ChatbotMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.threads = threads;
        this.deadLetters = deadLetters;
        this.bootstrap = bootstrap;
        this.config = config;
        this.models = models;
        this.customerKeys = customerKeys;
        this.events = new EventBatchReader(bootstrap, config.groupId(), new EventBatchReader.Sink() {
            @Override
            public void store(List<CloudEvent> batch) throws Exception {
                metrics.stored(orders.apply(batch));
            }

            @Override
            public void undecodable() {
                metrics.undecodable();
            }
        }, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("chatbot-events", events);
            threads.start("chatbot-catalog", new CompactedFeed<>(bootstrap, "chatbot-catalog",
                    Topics.CATALOG_PRODUCTS, Product.class, CompactedFeed.Sink.of((id, p) -> models.putProduct(p), models::removeProduct), threads::running, deadLetters));
            threads.start("chatbot-profiles", new CompactedFeed<>(bootstrap, "chatbot-profiles",
                    Topics.PROFILE_UPDATES, ProfileDigest.class, CompactedFeed.Sink.of((id, p) -> customerKeys.upsert(p), customerKeys::removed), threads::running, deadLetters));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
