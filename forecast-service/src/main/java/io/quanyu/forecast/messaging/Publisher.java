package io.quanyu.forecast.messaging;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.EventCodec;
import io.quanyu.events.InventoryAlert;
import io.quanyu.events.InventoryForecast;
import io.quanyu.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Publishes forecasts on inventory.forecasts.v1 and alert changes on inventory.alerts.v1, both keyed by {@code sku|store}. */
@ApplicationScoped
public class Publisher {

    private final KafkaProducer<String, byte[]> producer;

    public Publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.producer = new KafkaProducer<>(KafkaClientSettings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "forecast-publisher")), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends every record and waits until the broker has them all; throws when one could not be delivered. */
    public void publish(List<InventoryForecast> forecasts, List<InventoryAlert> alerts) throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (InventoryForecast f : forecasts) {
            sends.add(producer.send(new ProducerRecord<>(Topics.INVENTORY_FORECASTS, InventoryForecast.key(f.sku(), f.store()), EventCodec.encode(f))));
        }
        for (InventoryAlert a : alerts) {
            sends.add(producer.send(new ProducerRecord<>(Topics.INVENTORY_ALERTS, InventoryForecast.key(a.sku(), a.store()), EventCodec.encode(a))));
        }
        for (Future<RecordMetadata> f : sends) {
            f.get(35, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
