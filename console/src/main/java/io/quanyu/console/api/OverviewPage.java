package io.quanyu.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.console.app.Backends;
import io.quanyu.console.app.MetricsHistory;
import io.quanyu.console.app.Msg;
import io.quanyu.console.app.Pages;
import io.quanyu.console.app.Views;
import io.quanyu.console.domain.Charts;
import io.quanyu.console.domain.Prometheus;
import io.quanyu.console.domain.Reply;
import io.quanyu.console.domain.Service;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The overview: each service's readiness, per channel the raw messages received, events published (in total and per
 * minute) and duplicates dropped since ingestion started, failed and parked records, and the latest alerts.
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    /** One row of the health table. */
    public record Health(String service, String status, List<String> down) {
    }

    /** One row of a counts table. */
    public record Count(String first, String second, long count) {
    }

    /** One channel: raw messages received, events published, duplicates dropped, events per minute (null on a first sample). */
    public record Channel(String channel, long received, long published, long duplicates, Long perMinute) {
    }

    private final Template overview;
    private final Pages pages;
    private final Backends backends;
    private final MetricsHistory history;

    public OverviewPage(Template overview, Pages pages, Backends backends, MetricsHistory history) {
        this.overview = overview;
        this.pages = pages;
        this.backends = backends;
        this.history = history;
    }

    @GET
    public Response get(@Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        Map<Service, CompletableFuture<Reply>> health = new EnumMap<>(Service.class);
        Map<Service, CompletableFuture<String>> metrics = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            health.put(s, backends.get(s, "/q/health/ready", null));
            metrics.put(s, backends.text(s, "/q/metrics"));
        }
        CompletableFuture<Reply> alerts = backends.get(Service.FORECAST, "/v1/alerts?limit=10", visit.get().token());

        List<Health> rows = new ArrayList<>();
        for (Service s : Service.values()) {
            Reply r = health.get(s).join();
            List<String> down = new ArrayList<>();
            String status = r.status() == 0 ? "UNREACHABLE" : r.body() != null ? r.body().path("status").asText("?") : "HTTP " + r.status();
            if (r.body() != null) {
                for (JsonNode c : r.body().path("checks")) {
                    if (!"UP".equals(c.path("status").asText())) {
                        down.add(c.path("name").asText());
                    }
                }
            }
            rows.add(new Health(s.label(), status, down));
        }
        String ingestion = metrics.get(Service.INGESTION).join();
        Map<String, Double> totals = Prometheus.sumBy(Prometheus.samples(ingestion, "quanyu_ingestion_events_out_total"), "channel");
        Map<String, Double> received = Prometheus.sumBy(Prometheus.samples(ingestion, "quanyu_ingestion_messages_in_total"), "channel");
        Map<String, Double> duplicates = Prometheus.sumBy(Prometheus.samples(ingestion, "quanyu_ingestion_dedupe_hits_total"), "channel");
        Map<String, Double> perMinute = ingestion == null ? null : history.rate(Instant.now(), totals);
        List<Count> failed = new ArrayList<>();
        for (Prometheus.Sample s : Prometheus.samples(ingestion, "quanyu_ingestion_events_failed_total")) {
            if (s.value() > 0) {
                failed.add(new Count(s.labels().getOrDefault("reason", ""), s.labels().getOrDefault("channel", ""), Math.round(s.value())));
            }
        }
        List<Count> parked = new ArrayList<>();
        for (Service s : Service.values()) {
            for (Prometheus.Sample p : Prometheus.samples(metrics.get(s).join(), "quanyu_consumer_parked_total")) {
                if (p.value() > 0) {
                    parked.add(new Count(s.label() + " · " + p.labels().getOrDefault("consumer", ""), p.labels().getOrDefault("reason", ""),
                            Math.round(p.value())));
                }
            }
        }
        Msg msg = MessageBundles.get(Msg.class, io.quarkus.qute.i18n.Localized.Literal.of(visit.get().locale().toLanguageTag()));
        java.util.TreeSet<String> names = new java.util.TreeSet<>(totals.keySet());
        names.addAll(received.keySet());
        List<String> channels = new ArrayList<>(names);
        Map<String, List<Number>> series = new LinkedHashMap<>();
        series.put(msg.events_received(), channels.stream().map(c -> (Number) Math.round(received.getOrDefault(c, 0.0))).toList());
        series.put(msg.events_total(), channels.stream().map(c -> (Number) Math.round(totals.getOrDefault(c, 0.0))).toList());
        if (perMinute != null) {
            series.put(msg.events_per_minute(), channels.stream().map(c -> (Number) Math.round(perMinute.getOrDefault(c, 0.0))).toList());
        }
        Map<String, Object> data = new HashMap<>();
        data.put("health", rows);
        data.put("channels", channels.stream().map(c -> new Channel(c, Math.round(received.getOrDefault(c, 0.0)), Math.round(totals.getOrDefault(c, 0.0)),
                Math.round(duplicates.getOrDefault(c, 0.0)), perMinute == null ? null : Math.round(perMinute.getOrDefault(c, 0.0)))).toList());
        data.put("failed", failed);
        data.put("parked", parked);
        data.put("chart", channels.isEmpty() ? null : Charts.json(Charts.bars(msg.events_by_channel(), channels, series)));
        Reply a = alerts.join();
        data.put("alerts", a.ok() ? Views.list(a.body().path("alerts")) : List.of());
        data.put("back", "/");
        List<String> errors = new ArrayList<>();
        if (ingestion == null) {
            errors.add("ingestion-service did not answer /q/metrics: events per channel are not shown");
        }
        data.put("errors", errors);
        return pages.render(overview, visit.get(), "overview", data, List.of(a));
    }
}
