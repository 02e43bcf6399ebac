package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.mapAt;
import static io.quanyu.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.TopicSpec;
import io.quanyu.events.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Strimzi KafkaTopics are common-events' Topics.ALL: same names, partitions, retention and compaction. */
class KafkaTopicsTest {

    static Map<String, Map<String, Object>> byTopicName(Kustomize.Result r) {
        return r.ofKind("KafkaTopic").stream().collect(Collectors.toMap(t -> str(t, "spec", "topicName"), t -> t));
    }

    @Test
    void everyTopicOfCommonEventsIsAKafkaTopicAndNoOther() {
        Set<String> declared = new TreeSet<>(byTopicName(Manifests.base()).keySet());
        Set<String> expected = Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(expected);
        assertThat(Manifests.base().ofKind("KafkaTopic")).hasSize(Topics.ALL.size());
    }

    @Test
    void partitionsRetentionAndCompactionEqualTopicSpec() {
        List<Kustomize.Result> renderings = new java.util.ArrayList<>(List.of(Manifests.base()));
        for (Path overlay : Manifests.overlays()) {
            renderings.add(Kustomize.build(overlay));
        }
        for (Kustomize.Result r : renderings) {
            Map<String, Map<String, Object>> topics = byTopicName(r);
            for (TopicSpec spec : Topics.ALL) {
                Map<String, Object> t = topics.get(spec.name());
                assertThat(t).as("KafkaTopic for %s", spec.name()).isNotNull();
                assertThat(t.get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
                assertThat(str(t, "metadata", "name")).as("resource name of %s", spec.name()).isEqualTo(spec.name().replace('.', '-'));
                assertThat(at(t, "spec", "partitions")).as("partitions of %s", spec.name()).isEqualTo(spec.partitions());
                Map<String, Object> config = mapAt(t, "spec", "config");
                if (spec.compacted()) {
                    assertThat(config.get("cleanup.policy")).as("cleanup.policy of %s", spec.name()).isEqualTo("compact");
                    assertThat(config).as("%s keeps every key's latest value: no retention.ms", spec.name()).doesNotContainKey("retention.ms");
                } else {
                    assertThat(config.get("cleanup.policy")).as("cleanup.policy of %s", spec.name()).isEqualTo("delete");
                    assertThat(((Number) config.get("retention.ms")).longValue()).as("retention.ms of %s", spec.name())
                            .isEqualTo(spec.retention().toMillis());
                }
            }
        }
    }

    @Test
    void productionTopicsAreReplicated() {
        for (Map<String, Object> t : Manifests.base().ofKind("KafkaTopic")) {
            assertThat(at(t, "spec", "replicas")).as("replicas of %s in the base", Yamls.id(t)).isEqualTo(3);
            assertThat(at(t, "spec", "config", "min.insync.replicas")).isEqualTo(2);
        }
    }
}
