package io.quanyu.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed with SIGKILL while raw messages stream in, then restarted: every event must
 * be on events.v1 exactly once, as a read_committed consumer (every consumer of the suite) sees it.
 */
class CrashRecoveryIT {

    private static final int MESSAGES = 40_000;

    @Test
    void killedMidStreamAndRestartedItLosesNothingAndDuplicatesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = ServiceProcess.infraEnv("crash");
        env.put("QUANYU_PII_SECRET", "crash-test-secret-0123456789");
        env.put("QUANYU_API_KEYS", "web=crash-key");
        env.put("QUANYU_INGESTION_GROUP", "crash-" + run);
        // The restarted process must reuse the transactional ids, so it aborts what the killed one left open.
        env.put("QUANYU_INGESTION_PIPELINE_TRANSACTIONAL_ID_PREFIX", "crash-" + run);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            expected.add(EventIds.of(Channel.WEB, "k-" + run + "-" + i));
        }
        Path log = Path.of("target", "crash-it-" + run + ".log");
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS);
             ServiceProcess service = ServiceProcess.of(Path.of("target", "quarkus-app", "quarkus-run.jar"), env, log, "-Xmx384m")
                     .start(Duration.ofSeconds(90))) {
            // A second wave arrives while the service restarts; the first is a backlog, so the kill lands mid-batch.
            publish(kafka, run, 0, MESSAGES * 3 / 4);

            List<ConsumerRecord<String, byte[]>> before = events.await(MESSAGES / 5, r -> expected.contains(idOf(r)), Duration.ofSeconds(120));
            assertThat(before).as("events out before the kill").hasSizeGreaterThanOrEqualTo(MESSAGES / 5);
            service.kill();
            int outAtKill = events.await(Integer.MAX_VALUE, r -> expected.contains(idOf(r)), Duration.ofMillis(300)).size();
            assertThat(outAtKill).as("the kill came mid-stream").isLessThan(MESSAGES);

            CompletableFuture<Void> secondWave = CompletableFuture.runAsync(() -> publish(kafka, run, MESSAGES * 3 / 4, MESSAGES));
            service.start(Duration.ofSeconds(90));
            secondWave.get();
            events.await(MESSAGES, r -> expected.contains(idOf(r)), Duration.ofSeconds(180));
            // Anything published twice would arrive right behind the rest: keep reading a little longer.
            List<ConsumerRecord<String, byte[]>> all = events.await(Integer.MAX_VALUE, r -> expected.contains(idOf(r)), Duration.ofSeconds(5));

            Map<String, Integer> copies = new HashMap<>();
            all.forEach(r -> copies.merge(idOf(r), 1, Integer::sum));
            long duplicated = copies.values().stream().filter(c -> c > 1).count();
            int lost = MESSAGES - copies.size();
            System.out.printf("crash test: %d messages, %d events out when killed, after restart %d distinct events, %d duplicated, %d lost%n",
                    MESSAGES, outAtKill, copies.size(), duplicated, lost);
            assertThat(lost).as("events lost").isZero();
            assertThat(duplicated).as("events duplicated").isZero();
            assertThat(all).hasSize(MESSAGES);
        }
    }

    @Test
    void withoutKafkaItIsLiveButNotReady() throws Exception {
        Map<String, String> env = ServiceProcess.infraEnv("nokafka");
        env.put("QUANYU_PII_SECRET", "crash-test-secret-0123456789");
        // A port nothing listens on: the broker is down.
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + freePort());
        try (ServiceProcess service = ServiceProcess.of(Path.of("target", "quarkus-app", "quarkus-run.jar"), env,
                Path.of("target", "no-kafka-it.log"), "-Xmx256m").launch()) {
            ServiceProcess.Answer live = new ServiceProcess.Answer(-1, "");
            for (int i = 0; i < 150 && live.status() != 200; i++) {
                Thread.sleep(200);
                live = service.get("/q/health/live");
            }
            assertThat(live.status()).isEqualTo(200);
            ServiceProcess.Answer ready = service.get("/q/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("Kafka connection health check").contains("\"DOWN\"");
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Web page views {@code from} to {@code to}, in chunks of 1,000. */
    private static void publish(KafkaTestClient kafka, String run, int from, int to) {
        long ts = Instant.now().toEpochMilli();
        for (int chunk = from; chunk < to; chunk += 1000) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(1000);
            for (int i = chunk; i < chunk + 1000; i++) {
                records.add(new ProducerRecord<>(Topics.RAW_WEB, "an-" + (i % 50), """
                        {"message_id":"k-%s-%d","anonymous_id":"an-%d","event":"page_view","page_url":"https://shop/p/%2$d","ts":%d}"""
                        .formatted(run, i, i % 50, ts).getBytes(StandardCharsets.UTF_8)));
            }
            kafka.sendAll(records);
        }
    }

    private static String idOf(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok ? ok.value().id() : null;
    }
}
