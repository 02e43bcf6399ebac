package io.quanyu.engagement.messaging;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.config.WebhookConfig;
import io.quanyu.engagement.domain.DeliveryPolicy;
import io.quanyu.engagement.domain.WebhookSignature;
import io.quanyu.engagement.store.DeliveryQueue;
import io.quanyu.engagement.store.Webhooks;
import io.quanyu.events.EventCodec;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.PeriodicLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends actions to their channel's webhook, on a watched thread: each round enqueues new actions, then claims due
 * deliveries channel by channel, as many as the channel has free request slots, and sends each on a virtual thread.
 * A slow or failing endpoint fills only its own channel's slots, so other channels' deliveries go out meanwhile.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    /** Beyond the request's own time-outs, before another claim may take a delivery whose attempt never reported. */
    private static final Duration LEASE_SLACK = Duration.ofSeconds(30);

    private final EngagementConfig engagement;
    private final WebhookConfig config;
    private final Webhooks webhooks;
    private final DeliveryQueue queue;
    private final WebhookMetrics metrics;
    private final ConsumerThreads threads;
    private final DeliveryPolicy policy;
    private final HttpClient client;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final PeriodicLoop loop;

    public WebhookDeliverer(EngagementConfig engagement, WebhookConfig config, Webhooks webhooks, DeliveryQueue queue, WebhookMetrics metrics,
                            ConsumerThreads threads) {
        this.engagement = engagement;
        this.config = config;
        this.webhooks = webhooks;
        this.queue = queue;
        this.metrics = metrics;
        this.threads = threads;
        this.policy = new DeliveryPolicy(config.backoffBase(), config.backoffCap());
        // Redirects are not followed: a signed request goes only to the URL an admin set.
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.loop = new PeriodicLoop(config.pollEvery(), l -> round(Instant.now()), e -> {
            metrics.roundFailed();
            LOG.warnf("a round of webhook deliveries failed, will retry: %s", e.getMessage());
        }, this::drain);
    }

    void start(@Observes StartupEvent event) {
        if (engagement.consume() && config.deliver()) {
            // Watched: a deliverer that died would leave deliveries pending with liveness UP.
            threads.start("engagement-webhooks", loop);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** When the loop ends: requests in flight finish within their time-out; what they do not report is claimed again after its lease. */
    private void drain() {
        requests.shutdown();
        try {
            requests.awaitTermination(config.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round as of {@code now}: enqueue, then claim what is due and start sending it (returns without waiting for the answers). */
    public void round(Instant now) throws Exception {
        while (loop.running() && queue.enqueue(now, config.enqueueMargin(), config.enqueueBatch()) >= config.enqueueBatch()) {
            // A full batch: more actions wait, enqueue again before claiming.
        }
        for (Webhooks.Stored w : webhooks.list(true)) {
            Semaphore free = slots.computeIfAbsent(w.webhook().channel(), c -> new Semaphore(config.perChannelConcurrency()));
            int n = 0;
            while (free.tryAcquire()) {
                n++;
            }
            if (n == 0) {
                continue;
            }
            List<DeliveryQueue.Claimed> claimed;
            try {
                claimed = queue.claim(w.webhook().channel(), n, now, now.plus(config.connectTimeout()).plus(config.requestTimeout()).plus(LEASE_SLACK));
            } catch (Exception e) {
                free.release(n);
                throw e;
            }
            free.release(n - claimed.size());
            for (DeliveryQueue.Claimed c : claimed) {
                requests.execute(() -> {
                    try {
                        deliver(w, c);
                    } finally {
                        free.release();
                    }
                });
            }
        }
        metrics.pending(queue.pending());
    }

    private void deliver(Webhooks.Stored w, DeliveryQueue.Claimed c) {
        DeliveryPolicy.Attempt attempt = send(w, c);
        DeliveryPolicy.Decision d = policy.decide(attempt, c.attempt(), w.webhook().maxAttempts(), ThreadLocalRandom.current().nextDouble());
        try {
            if (queue.record(c, d, Instant.now())) {
                metrics.attempted(c.channel(), d.outcome());
                if (d.outcome() == DeliveryPolicy.Outcome.DEAD) {
                    LOG.warnf("webhook delivery %s of action %s to %s is dead: %s", c.deliveryId(), c.action().actionId(), c.channel(), d.error());
                }
            }
        } catch (Exception e) {
            // The attempt's lease runs out and it is sent again: the receiver deduplicates on X-Quanyu-Delivery.
            LOG.warnf("the result of webhook delivery %s was not stored, it will be sent again: %s", c.deliveryId(), e.getMessage());
        }
    }

    private DeliveryPolicy.Attempt send(Webhooks.Stored w, DeliveryQueue.Claimed c) {
        byte[] body = EventCodec.encode(c.action());
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.webhook().url())).timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "quanyu-engagement-webhooks/1")
                .header("X-Quanyu-Delivery", c.deliveryId().toString())
                .header("X-Quanyu-Timestamp", Long.toString(timestamp))
                .header("X-Quanyu-Signature", WebhookSignature.sign(w.webhook().secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return DeliveryPolicy.Attempt.answered(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return DeliveryPolicy.Attempt.failed("timed out: " + e.getMessage());
        } catch (IOException e) {
            return DeliveryPolicy.Attempt.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryPolicy.Attempt.failed("interrupted (shutting down)");
        } catch (IllegalArgumentException e) {
            return DeliveryPolicy.Attempt.failed("not a URL the client can send to: " + e.getMessage());
        }
    }
}
