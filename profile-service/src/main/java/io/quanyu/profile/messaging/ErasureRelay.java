package io.quanyu.profile.messaging;

import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.profile.config.ProfileConfig;
import io.quanyu.profile.store.ErasureOutbox;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Publishes the erasure outbox (request, tombstone, acknowledgement) after each erasure and every few seconds for what an outage left. */
@ApplicationScoped
public class ErasureRelay {

    static final String SERVICE = "profile-service";
    private static final int BATCH = 300;

    private final OutboxRelay relay;
    private final ConsumerThreads threads;

    public ErasureRelay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ProfileConfig config, ErasureOutbox outbox,
                        ProfileMetrics metrics, ConsumerThreads threads) {
        this.threads = threads;
        this.relay = new OutboxRelay(bootstrap, "profile-erasure-relay", config.erasure().publishEvery(),
                producer -> outbox.publish(BATCH, batch -> send(producer, batch)), metrics::erasureRecordsPublished, metrics::erasurePublishFailed);
    }

    /** What an erasure owes Kafka, in the order other services should see it. */
    public static List<ErasureOutbox.Pending> records(String customerId, List<String> keys, Instant at) {
        return List.of(
                new ErasureOutbox.Pending(Topics.PRIVACY_ERASURE, customerId, EventCodec.encode(new ErasureRequest(customerId, keys, at, SERVICE))),
                new ErasureOutbox.Pending(Topics.PROFILE_UPDATES, customerId, null),
                new ErasureOutbox.Pending(Topics.PRIVACY_ERASURE_ACKS, customerId, EventCodec.encode(new ErasureAck(customerId, SERVICE, at, keys.size()))));
    }

    // Not OutboxRelay.sendAll: the records are stored encoded, one of them is a tombstone, and they go to three topics.
    private static void send(KafkaProducer<String, byte[]> producer, List<ErasureOutbox.Pending> batch) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (ErasureOutbox.Pending p : batch) {
            acks.add(producer.send(new ProducerRecord<>(p.topic(), p.key(), p.value())));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    void start(@Observes StartupEvent event) {
        // On every instance, API-only ones included: those answer the DELETE.
        // Watched: a relay thread that died would leave the outbox growing with liveness UP.
        threads.start("profile-erasure-relay", relay);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** Asks for a round now (an erasure was just committed). */
    public void nudge() {
        relay.nudge();
    }
}
