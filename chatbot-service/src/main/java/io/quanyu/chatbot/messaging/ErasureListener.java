package io.quanyu.chatbot.messaging;

import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.chatbot.store.ConversationStore;
import io.quanyu.chatbot.store.CustomerKeys;
import io.quanyu.chatbot.store.OrderStore;
import io.quanyu.events.UserKey;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.ErasureWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Carries out erasures from {@code privacy.erasure.v1}: chats, hand-offs, feedback and orders go (keys kept as digests), then an acknowledgement. */
@ApplicationScoped
public class ErasureListener {

    static final String SERVICE = "chatbot-service";

    private final ChatbotConfig config;
    private final ErasureWorker worker;
    private final ConsumerThreads threads;

    public ErasureListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ChatbotConfig config, ConversationStore conversations,
                           OrderStore orders, CustomerKeys customerKeys, ChatbotMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.config = config;
        this.threads = threads;
        this.worker = new ErasureWorker(bootstrap, config.groupId() + "-erasure", SERVICE, (customerId, keys) -> {
            // The customer id is its best key (u:42); a bare user id (42) names u:42.
            List<String> all = new ArrayList<>(keys);
            all.add(customerId);
            all.add(UserKey.known(customerId));
            return conversations.erase(all) + orders.erase(all) + customerKeys.erase(all);
        }, metrics::erased, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("chatbot-erasure", worker);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
