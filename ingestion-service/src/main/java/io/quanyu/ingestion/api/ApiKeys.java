package io.quanyu.ingestion.api;

import io.quanyu.events.Channel;
import io.quanyu.ingestion.config.IngestionConfig;
import io.quanyu.ingestion.config.KeyValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;

/** The per-channel API keys of the collector, from {@code QUANYU_API_KEYS}. */
@ApplicationScoped
public class ApiKeys {

    private final Map<Channel, byte[]> keys = new EnumMap<>(Channel.class);

    public ApiKeys(IngestionConfig config) {
        KeyValues.parse(config.apiKeys().orElse(""), "QUANYU_API_KEYS").forEach((channel, key) -> keys.put(
                Channel.parse(channel).orElseThrow(() -> new IllegalArgumentException("QUANYU_API_KEYS: unknown channel '" + channel + "'")),
                key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code key} is the channel's key; compared in constant time. */
    public boolean allows(Channel channel, String key) {
        byte[] expected = keys.get(channel);
        return expected != null && key != null && MessageDigest.isEqual(expected, key.getBytes(StandardCharsets.UTF_8));
    }
}
