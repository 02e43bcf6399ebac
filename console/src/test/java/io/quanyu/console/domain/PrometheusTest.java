package io.quanyu.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTest {

    private static final String TEXT = """
            # HELP quanyu_ingestion_events_out_total Normalized events and products published
            # TYPE quanyu_ingestion_events_out_total counter
            quanyu_ingestion_events_out_total{channel="web"} 120.0
            quanyu_ingestion_events_out_total{channel="store"} 30.0
            quanyu_ingestion_events_out_total_created{channel="web"} 1.7E9
            quanyu_ingestion_events_out_totalish 5
            quanyu_ingestion_events_failed_total{channel="web",reason="schema_violation"} 4.0
            quanyu_ingestion_events_failed_total{channel="store",reason="schema_violation"} 1.0
            quanyu_ingestion_events_failed_total{channel="web",reason="odd \\"quoted\\", value"} 2.0
            """;

    @Test
    void readsOnlyTheNamedFamilyWithItsLabels() {
        List<Prometheus.Sample> out = Prometheus.samples(TEXT, "quanyu_ingestion_events_out_total");
        assertThat(out).hasSize(2);
        assertThat(out.get(0).labels()).containsEntry("channel", "web");
        assertThat(out.get(0).value()).isEqualTo(120.0);
    }

    @Test
    void sumsByALabelAndKeepsEscapedValues() {
        List<Prometheus.Sample> failed = Prometheus.samples(TEXT, "quanyu_ingestion_events_failed_total");
        assertThat(Prometheus.sumBy(failed, "reason")).containsEntry("schema_violation", 5.0).containsEntry("odd \"quoted\", value", 2.0);
        assertThat(Prometheus.sumBy(failed, "channel")).containsEntry("web", 6.0).containsEntry("store", 1.0);
    }

    @Test
    void noTextNoSamples() {
        assertThat(Prometheus.samples(null, "x")).isEmpty();
    }
}
