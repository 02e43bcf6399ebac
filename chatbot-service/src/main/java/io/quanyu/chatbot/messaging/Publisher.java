package io.quanyu.chatbot.messaging;

import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.chatbot.store.OutboxStore;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.SupportHandoff;
import io.quanyu.events.Topics;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends stored turns to chat.transcripts.v1 (key = user key) and hand-offs to support.handoff.v1 (key = session id)
 * from the database outbox, right after a turn is answered and every few seconds for anything a failure left behind.
 */
@ApplicationScoped
public class Publisher {

    private static final int BATCH = 500;

    private final OutboxRelay relay;
    private final ConsumerThreads threads;

    public Publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ChatbotConfig config, OutboxStore outbox,
                     ChatbotMetrics metrics, ConsumerThreads threads) {
        this.threads = threads;
        this.relay = new OutboxRelay(bootstrap, "chatbot-publisher", config.publishEvery(), producer ->
                outbox.publishTurns(BATCH, batch -> OutboxRelay.sendAll(producer, Topics.CHAT_TRANSCRIPTS, batch, ChatTurn::userKey))
                        + outbox.publishHandoffs(BATCH, batch -> OutboxRelay.sendAll(producer, Topics.SUPPORT_HANDOFF, batch, SupportHandoff::sessionId)),
                metrics::published, metrics::publishFailed);
    }

    void start(@Observes StartupEvent event) {
        // Watched: a relay thread that died would leave the outbox growing with liveness UP.
        threads.start("chatbot-publisher", relay);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** Asks for a round now (a turn was just stored). */
    public void nudge() {
        relay.nudge();
    }
}
