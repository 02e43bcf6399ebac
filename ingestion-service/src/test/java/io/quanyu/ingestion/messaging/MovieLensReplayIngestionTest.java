package io.quanyu.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.FailedEvent;
import io.quanyu.events.Topics;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.replay.Counts;
import io.quanyu.testkit.replay.MovieLensReplay;
import io.quanyu.testkit.replay.RawMessage;
import io.quanyu.testkit.replay.ReplayOptions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The first 3,000 MovieLens ratings as raw channel traffic: every message must come out normalized, none failed. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class MovieLensReplayIngestionTest {

    @Test
    void theReplayIsNormalizedWholeIntoEventsAndProducts() {
        List<RawMessage> messages = MovieLensReplay.messages(ReplayOptions.defaults().withMaxRatings(3000));
        Counts counts = MovieLensReplay.count(messages);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS);
             KafkaTestClient.Tail products = kafka.tail(Topics.CATALOG_PRODUCTS); KafkaTestClient.Tail failed = kafka.tail(Topics.EVENTS_FAILED)) {
            MovieLensReplay.publish(Infra.kafka().bootstrapServers(), messages);

            List<ConsumerRecord<String, byte[]>> out = events.await(counts.expectedEvents(), r -> r.key().contains("ml-"), Duration.ofSeconds(90));
            assertThat(out).hasSize(counts.expectedEvents());
            assertThat(products.await(counts.expectedProducts(), r -> r.key().startsWith("ml-item-"), Duration.ofSeconds(30)))
                    .hasSize(counts.expectedProducts());
            Map<String, Long> byType = out.stream().map(r -> PipelineTest.byId(List.of(r)).values().iterator().next().type())
                    .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
            assertThat(byType).containsEntry("product_view", (long) counts.views()).containsEntry("review", (long) counts.reviews())
                    .containsEntry("purchase", (long) counts.purchases()).containsEntry("identify", (long) counts.logins());
            // Logged-in users are keyed by their user id whatever the channel; store customers by member card.
            assertThat(out).allSatisfy(r -> assertThat(r.key()).matches("u:ml-\\d+|a:card:ml-card-\\d+"));
            assertThat(failed.await(1, r -> replayFailure(r), Duration.ofSeconds(2))).isEmpty();
        }
    }

    private static boolean replayFailure(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decode(r.value(), FailedEvent.class) instanceof Decoded.Ok<FailedEvent> ok
                && new String(ok.value().raw(), StandardCharsets.UTF_8).contains("ml-");
    }
}
