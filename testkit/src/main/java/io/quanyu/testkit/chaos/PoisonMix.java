package io.quanyu.testkit.chaos;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.EventType;
import io.quanyu.events.data.EventData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Good events with poison records mixed in, for the tests that prove one bad record costs one record: every kind of
 * record a reader of {@code events.v1} must survive without ingestion's help (a producer that bypassed it, a bug, a
 * restored backup). Poison records are keyed {@code poison-<run>-<n>}, so a test finds its own dead letters by key.
 */
public final class PoisonMix {

    /** The kinds of poison, each refused at decoding (none of them is an event a store could be asked to keep). */
    public static final List<String> KINDS = List.of("not_json", "empty", "not_an_object", "unknown_type", "no_data",
            "nul_in_text", "unpaired_surrogate", "amount_out_of_range", "bad_subject", "wrong_shape", "deeply_nested", "huge_number");

    private PoisonMix() {
    }

    /** One poison record of the given kind; {@code template} is a valid event to spoil (its JSON is edited). */
    public static byte[] poison(String kind, CloudEvent template, int n) {
        String valid = new String(EventCodec.encode(template), StandardCharsets.UTF_8);
        String json = switch (kind) {
            case "not_json" -> "{\"id\": \"poison-" + n + "\", ";
            case "empty" -> "";
            case "not_an_object" -> "[" + n + ", \"poison\"]";
            case "unknown_type" -> valid.replaceFirst("\"type\":\"[a-z_]+\"", "\"type\":\"teleport\"");
            case "no_data" -> valid.replaceFirst(",\"data\":\\{.*}$", "}");
            case "nul_in_text" -> valid.replaceFirst("\"subject\":\"([^\"]+)\"", "\"subject\":\"$1\\\\u0000x\"");
            case "unpaired_surrogate" -> valid.replaceFirst("\"subject\":\"([^\"]+)\"", "\"subject\":\"$1\\\\ud800\"");
            case "amount_out_of_range" -> purchase(n).replaceFirst("\"amount\":[0-9.]+", "\"amount\":10000000000000");
            case "bad_subject" -> valid.replaceFirst("\"subject\":\"[^\"]+\"", "\"subject\":\"nobody\"");
            case "wrong_shape" -> purchase(n).replaceFirst("\"quantity\":[0-9]+", "\"quantity\":\"two\"");
            case "deeply_nested" -> "{\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
            case "huge_number" -> purchase(n).replaceFirst("\"amount\":[0-9.]+", "\"amount\":" + "9".repeat(5000));
            default -> throw new IllegalArgumentException("unknown poison kind " + kind);
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String purchase(int n) {
        return new String(EventCodec.encode(event("poison-" + n, "u:poison-" + n, EventType.PURCHASE,
                new io.quanyu.events.data.Purchase("o-" + n, List.of(new io.quanyu.events.data.OrderLine("sku-p", 1, java.math.BigDecimal.ONE)),
                        java.math.BigDecimal.ONE, "CNY", null), Instant.now())), StandardCharsets.UTF_8);
    }

    /** A valid web event of {@code type} with a stable id from {@code messageId}. */
    public static CloudEvent event(String messageId, String subject, EventType type, EventData data, Instant time) {
        return CloudEvent.of(EventIds.of(Channel.WEB, messageId), Channel.WEB, type, time, subject, Instant.now(), null, data);
    }

    /**
     * {@code good} events with {@code poisons} poison records spread evenly among them (kinds in turn), as records for
     * {@code events.v1}: good ones keyed by their subject, poison ones {@code poison-<run>-<n>}.
     */
    public static List<ProducerRecord<String, byte[]>> mix(String topic, String run, int good, int poisons, IntFunction<CloudEvent> goodEvent, long seed) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(good + poisons);
        Random random = new Random(seed);
        CloudEvent template = goodEvent.apply(0);
        int p = 0;
        for (int i = 0; i < good; i++) {
            CloudEvent e = goodEvent.apply(i);
            out.add(new ProducerRecord<>(topic, e.subject(), EventCodec.encode(e)));
            // On average one poison record every good/poisons events, at random places, so batches hold 0, 1 or several.
            while (p < poisons && random.nextInt(good) < poisons) {
                out.add(new ProducerRecord<>(topic, key(run, p), poison(KINDS.get(p % KINDS.size()), template, p)));
                p++;
                if (random.nextBoolean()) {
                    break;
                }
            }
        }
        while (p < poisons) {
            out.add(new ProducerRecord<>(topic, key(run, p), poison(KINDS.get(p % KINDS.size()), template, p)));
            p++;
        }
        return out;
    }

    /** The key of poison record {@code n} of a run. */
    public static String key(String run, int n) {
        return "poison-" + run + "-" + n;
    }
}
