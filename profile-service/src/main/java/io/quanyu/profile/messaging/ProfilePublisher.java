package io.quanyu.profile.messaging;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.EventCodec;
import io.quanyu.events.IdentityChange;
import io.quanyu.events.Topics;
import io.quanyu.profile.domain.IdentityRules;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.store.ClaimStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes what a committed batch changed: the new portraits on {@code profile.updates.v1} (compacted, keyed
 * by customer; a tombstone for a customer merged away; an erased one's goes through {@link ErasureRelay}) and links,
 * merges, hints and conflicts on {@code profile.identity.v1}.
 */
@ApplicationScoped
public class ProfilePublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final PortraitViews views;

    public ProfilePublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, PortraitViews views) {
        this.views = views;
        this.producer = new KafkaProducer<>(KafkaClientSettings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "profile-publisher")), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends and waits for every acknowledgement; throws the first failure (the caller retries the whole, which is idempotent). */
    public void publish(BatchApplier.Applied applied) throws Exception {
        Instant now = Instant.now();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (BatchApplier.Merge m : applied.merges()) {
            acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_UPDATES, m.from(), null)));
            acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_IDENTITY, m.into(),
                    EventCodec.encode(IdentityChange.merged(m.into(), m.from(), now)))));
        }
        applied.newKeys().forEach((key, customer) -> acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_IDENTITY, customer,
                EventCodec.encode(IdentityChange.linked(customer, key, now))))));
        for (ClaimStore.Hint h : applied.hints()) {
            acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_IDENTITY, h.customerId(), EventCodec.encode(new IdentityChange(
                    IdentityChange.HINT, h.customerId(), h.key(), null, null, IdentityRules.UNVERIFIED_LINK, h.channel(), now)))));
        }
        for (ClaimStore.Conflict x : applied.conflicts()) {
            acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_IDENTITY, x.customerId(), EventCodec.encode(new IdentityChange(
                    IdentityChange.CONFLICT, x.customerId(), x.key(), null, x.otherCustomerId(), x.reason(), x.channel(), now)))));
        }
        for (Portrait p : applied.portraits().values()) {
            acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_UPDATES, p.customerId,
                    EventCodec.encode(views.view(p, applied.keys().getOrDefault(p.customerId, List.of()), null, null, null)))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    /** Portraits as they are now, and tombstones for customers that no longer exist; waits for every acknowledgement. */
    public void publishCurrent(Map<String, Portrait> portraits, Map<String, List<String>> keys, java.util.Collection<String> gone) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Portrait p : portraits.values()) {
            acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_UPDATES, p.customerId,
                    EventCodec.encode(views.view(p, keys.getOrDefault(p.customerId, List.of()), null, null, null)))));
        }
        for (String customer : gone) {
            acks.add(producer.send(new ProducerRecord<>(Topics.PROFILE_UPDATES, customer, null)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    /** One identity change on {@code profile.identity.v1}, keyed by its customer; waits for the acknowledgement. */
    public void publishIdentity(IdentityChange change) throws Exception {
        producer.send(new ProducerRecord<>(Topics.PROFILE_IDENTITY, change.customerId(), EventCodec.encode(change))).get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
