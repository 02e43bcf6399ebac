package io.quanyu.ingestion.messaging;

import io.quanyu.ingestion.config.IngestionConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes what the HTTP collector accepted to the channel's raw topic, waiting for the broker's acknowledgement. */
@ApplicationScoped
public class RawPublisher {

    /** The broker did not acknowledge in time, or refused: the client should retry later. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    public RawPublisher(KafkaClients clients, IngestionConfig config) {
        this.producer = clients.rawProducer();
        this.timeout = config.collector().sendTimeout();
    }

    /** Sends every record and returns once all are acknowledged; a retry after a failure is safe (event ids are stable). */
    public void publishAll(List<ProducerRecord<String, byte[]>> records) throws Unavailable {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, byte[]> r : records) {
                sent.add(producer.send(r));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new Unavailable("the broker refused the message: " + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable("the broker did not acknowledge within " + timeout.toMillis() + " ms", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new Unavailable("the broker is unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
