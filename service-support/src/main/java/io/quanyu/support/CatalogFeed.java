package io.quanyu.support;

import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows the compacted {@code catalog.products.v1} from its start, with no consumer group: every instance of
 * every service that needs product data reads the whole catalog, then each change. A product the sink cannot
 * store yet (database away) is retried every second rather than skipped.
 */
public final class CatalogFeed implements Runnable {

    /** Where products go. */
    public interface Sink {
        void product(Product product) throws Exception;

        /** A tombstone: the product was deleted from the catalog. */
        void removed(String productId) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(CatalogFeed.class);

    private final String bootstrap;
    private final String clientId;
    private final Sink sink;
    private final BooleanSupplier running;

    public CatalogFeed(String bootstrap, String clientId, Sink sink, BooleanSupplier running) {
        this.bootstrap = bootstrap;
        this.clientId = clientId;
        this.sink = sink;
        this.running = running;
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.CATALOG_PRODUCTS).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (running.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    handle(r);
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: catalog feed stopped", clientId);
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        Product product = null;
        if (r.value() != null) {
            if (!(EventCodec.decode(r.value(), Product.class) instanceof Decoded.Ok<Product> ok)) {
                // Ingestion validates every product; a record that is not one is not ours to fix here.
                LOG.warnf("%s: %s-%d@%d is not a valid product: skipped", clientId, r.topic(), r.partition(), r.offset());
                return;
            }
            product = ok.value();
        } else if (id == null) {
            return;
        }
        for (int attempt = 1; running.getAsBoolean(); attempt++) {
            try {
                if (product != null) {
                    sink.product(product);
                } else {
                    sink.removed(id);
                }
                return;
            } catch (Exception e) {
                LOG.warnf("%s: cannot store product %s yet (attempt %d): %s", clientId, product != null ? product.productId() : id, attempt, e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
