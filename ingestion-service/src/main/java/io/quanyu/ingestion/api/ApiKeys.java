package io.quanyu.ingestion.api;

import io.quanyu.events.Channel;
import io.quanyu.ingestion.config.IngestionConfig;
import io.quanyu.ingestion.config.KeyValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The collector's keys: per channel a client key (QUANYU_API_KEYS, the one a browser, app or mini-program carries)
 * and optionally a server key (QUANYU_SERVER_KEYS, kept by the shop's back end), whose logins count as verified.
 */
@ApplicationScoped
public class ApiKeys {

    /** What a key lets its holder assert. */
    public enum Grant {
        /** A customer's device: its identity links are hints. */
        CLIENT,
        /** The shop's back end (and the store POS): its identity links are trusted. */
        SERVER
    }

    private final Map<Channel, byte[]> clientKeys;
    private final Map<Channel, byte[]> serverKeys;

    public ApiKeys(IngestionConfig config) {
        this.clientKeys = parse(config.apiKeys().orElse(""), "QUANYU_API_KEYS");
        this.serverKeys = parse(config.serverKeys().orElse(""), "QUANYU_SERVER_KEYS");
        serverKeys.forEach((channel, key) -> {
            if (Arrays.equals(key, clientKeys.get(channel))) {
                throw new IllegalArgumentException("QUANYU_SERVER_KEYS: the server key of " + channel.wire() + " must differ from its client key");
            }
        });
    }

    private static Map<Channel, byte[]> parse(String text, String name) {
        Map<Channel, byte[]> keys = new EnumMap<>(Channel.class);
        KeyValues.parse(text, name).forEach((channel, key) -> keys.put(
                Channel.parse(channel).orElseThrow(() -> new IllegalArgumentException(name + ": unknown channel '" + channel + "'")),
                key.getBytes(StandardCharsets.UTF_8)));
        return keys;
    }

    /** What {@code key} grants on the channel, empty when it is neither of its keys; compared in constant time. */
    public Optional<Grant> grant(Channel channel, String key) {
        if (key == null) {
            return Optional.empty();
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        boolean server = matches(serverKeys.get(channel), given);
        boolean client = matches(clientKeys.get(channel), given);
        // The POS is a server-side system by nature: its own key is trusted.
        return server || client && channel == Channel.STORE ? Optional.of(Grant.SERVER) : client ? Optional.of(Grant.CLIENT) : Optional.empty();
    }

    private static boolean matches(byte[] expected, byte[] given) {
        return expected != null && MessageDigest.isEqual(expected, given);
    }
}
