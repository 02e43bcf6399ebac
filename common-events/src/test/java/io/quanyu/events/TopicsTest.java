package io.quanyu.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicConstantHasASpecAndNamesAreUnique() throws Exception {
        List<String> constants = Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("RAW_PREFIX"))
                .map(TopicsTest::value).toList();
        List<String> specced = Topics.ALL.stream().map(TopicSpec::name).toList();
        assertThat(specced).doesNotHaveDuplicates();
        assertThat(specced).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void everyChannelHasItsRawTopic() {
        for (Channel c : Channel.values()) {
            assertThat(Topics.spec(c.rawTopic())).as(c.rawTopic()).isPresent();
        }
    }

    @Test
    void stateTopicsAreCompactedAndStreamsAreNot() {
        assertThat(Topics.spec(Topics.PROFILE_UPDATES).orElseThrow().compacted()).isTrue();
        assertThat(Topics.spec(Topics.CATALOG_PRODUCTS).orElseThrow().compacted()).isTrue();
        assertThat(Topics.spec(Topics.EVENTS).orElseThrow().compacted()).isFalse();
        assertThat(Topics.spec(Topics.EVENTS).orElseThrow().partitions()).isEqualTo(Topics.CUSTOMER_PARTITIONS);
        assertThat(Topics.spec(Topics.EVENTS).orElseThrow().retention()).isNotNull();
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
