package io.quanyu.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quanyu.events.schema.Schemas;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The published schemas equal what the records generate, and schema and codec agree on examples. */
class SchemasTest {

    static Set<String> published() {
        return Schemas.PUBLISHED.keySet();
    }

    @ParameterizedTest
    @MethodSource("published")
    void committedSchemaMatchesItsRecord(String file) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + file)) {
            assertThat(in).as("schemas/" + file + " is missing: run ./quanyu schemas").isNotNull();
            String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(committed).as("schemas/" + file + " drifted from its record: run ./quanyu schemas")
                    .isEqualTo(Schemas.render(Schemas.generate(file)));
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySampleEventValidatesAgainstTheEventSchema(EventType type) throws Exception {
        assertThat(errors("cloudevent.schema.json", EventCodec.encode(SampleEvents.event(type)))).isEmpty();
    }

    @Test
    void schemaRejectsWhatTheCodecRejectsForShape() throws Exception {
        String valid = new String(EventCodec.encode(SampleEvents.event(EventType.PURCHASE)), StandardCharsets.UTF_8);
        String[] broken = {
                valid.replace("\"type\":\"purchase\",", ""),
                valid.replace("\"purchase\"", "\"teleport\""),
                valid.replaceFirst("\"order_id\":\"o-1\",", ""),
                valid.replaceFirst("\"quantity\":2", "\"quantity\":\"two\""),
                valid.replaceFirst("\"lines\":\\[.*?}\\]", "\"lines\":[]"),
                // Bounds and text rules are in the schema too, so a producer that follows it is never refused for them.
                valid.replaceFirst("\"order_id\":\"o-1\"", "\"order_id\":\"o\\\\u00001\""),
                valid.replaceFirst("\"amount\":[0-9.]+", "\"amount\":10000000000000"),
                valid.replaceFirst("\"quantity\":2", "\"quantity\":20000"),
        };
        for (String b : broken) {
            byte[] bytes = b.getBytes(StandardCharsets.UTF_8);
            assertThat(errors("cloudevent.schema.json", bytes)).as(b).isNotEmpty();
            assertThat(EventCodec.decodeEvent(bytes).ok()).as(b).isFalse();
        }
    }

    @Test
    void rawReceiptExampleFromTheDesignValidates() throws Exception {
        String receipt = """
                {"store_id":"sh-001","receipt_no":"R-20261111-0001","member_card":"M8812","phone_hash":null,
                 "checkout_time":"2026-11-11 20:15:03","lines":[{"sku":"tea-1","qty":2,"unit_price":19.9}],
                 "total":39.8,"currency":"CNY"}""";
        assertThat(errors("raw-store-receipt.schema.json", receipt.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(errors("raw-store-receipt.schema.json", receipt.replace("\"qty\":2,", "").getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    private Set<ValidationMessage> errors(String file, byte[] json) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(getClass().getResourceAsStream("/schemas/" + file));
        JsonNode node = Json.MAPPER.readTree(json);
        return schema.validate(node);
    }
}
