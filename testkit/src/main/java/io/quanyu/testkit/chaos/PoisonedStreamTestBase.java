package io.quanyu.testkit.chaos;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.Topics;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every reader of {@code events.v1} must do on the real broker and database: with 1,000 poison records of every
 * {@link PoisonMix#KINDS kind} mixed into 10,000 good events, apply each good one exactly once (counted in the service's
 * own tables), park each poison one on {@code events.deadletter.v1} with its reason, and end ready and live. A service's
 * test extends this with {@code @QuarkusTest @WithTestResource(QuanyuInfraResource.class)}.
 */
public abstract class PoisonedStreamTestBase {

    protected static final int GOOD = 10_000;
    protected static final int POISON = 1_000;

    /** The consumer group of the service's events.v1 reader (dead letters carry it). */
    protected abstract String consumerGroup();

    /** Good event {@code i} of a run: a kind the service keeps, under subjects and ids that are the run's own. */
    protected abstract CloudEvent good(String run, int i);

    /** How much of the run the service's tables hold (rows, or units), read from its database. */
    protected abstract long applied(String run) throws Exception;

    /** What {@link #applied} must reach when every good event was applied exactly once. */
    protected long expected() {
        return GOOD;
    }

    @Test
    void oneThousandPoisonRecordsAmongTenThousandCostOneRecordEach() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.shared().sendAll(PoisonMix.mix(Topics.EVENTS, run, GOOD, POISON, i -> good(run, i), 7));

        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline && (seen = applied(run)) < expected()) {
            Thread.sleep(250);
        }
        assertThat(seen).as("applied of run %s", run).isEqualTo(expected());

        try (DeadLetterTail tail = new DeadLetterTail(Infra.kafka().bootstrapServers())) {
            List<DeadLetter> parked = tail.await(POISON, DeadLetterTail.of(consumerGroup(), PoisonMix.key(run, 0).replaceFirst("-0$", "-")),
                    Duration.ofSeconds(60));
            assertThat(parked).hasSize(POISON);
            assertThat(parked).allSatisfy(d -> {
                assertThat(d.reason()).isEqualTo(DeadLetter.UNDECODABLE);
                assertThat(d.sourceTopic()).isEqualTo(Topics.EVENTS);
                assertThat(d.detail()).isNotBlank();
            });
            assertThat(parked.stream().map(d -> d.sourcePartition() + "@" + d.sourceOffset()).distinct()).as("each parked once").hasSize(POISON);
            assertThat(parked.stream().map(d -> d.detail().split(":")[0]).collect(Collectors.toSet()))
                    .contains("unparseable", "schema_violation", "unknown_event", "invalid_text", "out_of_range");
        }
        // Nothing was applied twice while the poison was parked, nor later.
        Thread.sleep(1000);
        assertThat(applied(run)).isEqualTo(expected());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
