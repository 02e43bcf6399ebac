package io.quanyu.testkit;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.SampleEvents;
import io.quanyu.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code ./quanyu demo}'s smoke run on the running stack: one event of every type through the real broker
 * and read back equal, then every service's readiness, metrics and OpenAPI. Exits non-zero on any failure.
 * Arguments: {@code <bootstrap> <service:port:db>...}.
 */
public final class Smoke {

    private Smoke() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        boolean ok = events(bootstrap);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 1; i < args.length; i++) {
            String[] spec = args[i].split(":");
            ok &= service(http, spec[0], Integer.parseInt(spec[1]));
        }
        System.out.println(ok ? "smoke run: all checks passed" : "smoke run: FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static boolean events(String bootstrap) {
        String user = "u:smoke-" + UUID.randomUUID().toString().substring(0, 8);
        EventType[] types = EventType.values();
        long t0 = System.nanoTime();
        try (KafkaTestClient client = new KafkaTestClient(bootstrap);
             KafkaTestClient.Tail tail = client.tail(Topics.EVENTS)) {
            CloudEvent[] sent = new CloudEvent[types.length];
            for (int i = 0; i < types.length; i++) {
                sent[i] = SampleEvents.event(types[i], user + "-" + i, user, Instant.now());
                client.send(Topics.EVENTS, user, EventCodec.encode(sent[i]));
            }
            var back = tail.await(types.length, r -> user.equals(r.key()), Duration.ofSeconds(30));
            int equal = 0;
            for (var r : back) {
                if (EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> okEvent) {
                    for (CloudEvent s : sent) {
                        equal += s.equals(okEvent.value()) ? 1 : 0;
                    }
                }
            }
            System.out.printf("%s: %d/%d event types published and read back equal in %d ms%n",
                    Topics.EVENTS, equal, types.length, (System.nanoTime() - t0) / 1_000_000);
            return equal == types.length;
        }
    }

    private static boolean service(HttpClient http, String name, int port) {
        try {
            HttpResponse<String> ready = get(http, port, "/q/health/ready");
            HttpResponse<String> metrics = get(http, port, "/q/metrics");
            HttpResponse<String> openapi = get(http, port, "/q/openapi");
            long series = metrics.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
            boolean ok = ready.statusCode() == 200 && metrics.statusCode() == 200 && openapi.statusCode() == 200;
            System.out.printf("%-21s ready=%d (%s), metrics=%d (%d series), openapi=%d%n", name, ready.statusCode(),
                    ready.body().contains("Kafka connection health check") && ready.body().contains("Database") ? "kafka+db checks up" : "checks missing",
                    metrics.statusCode(), series, openapi.statusCode());
            return ok;
        } catch (Exception e) {
            System.out.printf("%-21s unreachable: %s%n", name, e);
            return false;
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
