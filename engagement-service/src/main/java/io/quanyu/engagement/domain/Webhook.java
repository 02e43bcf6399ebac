package io.quanyu.engagement.domain;

import io.quanyu.events.Channel;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A channel's outgoing webhook as an admin defines it, checked: where its actions are POSTed and the secret that signs them. */
public record Webhook(String channel, String url, String secret, boolean active, int maxAttempts) {

    /** Attempts when the admin sets none: with the default backoff (10 s, doubling, with jitter) 11 to 21 minutes of retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final int MAX_ATTEMPTS_LIMIT = 50;
    public static final int MIN_SECRET_BYTES = 32;
    static final int MAX_SECRET_BYTES = 512;
    static final int MAX_URL_LENGTH = 2048;

    /** Checks a definition; {@code active} and {@code maxAttempts} default to true and 8. */
    public static Webhook of(String channel, String url, String secret, Boolean active, Integer maxAttempts) {
        return new Webhook(channel(channel), url(url), secret(secret), active == null || active,
                maxAttempts(maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts));
    }

    /** A channel's wire name, one that actions go to (web, app, miniprogram, store). */
    public static String channel(String value) {
        String c = Channel.parse(value).map(Channel::wire).orElse(null);
        if (c == null || !Text.CHANNELS.contains(c)) {
            throw new Invalid("channel must be one of " + Text.CHANNELS + ", not '" + Text.shorten(value) + "'");
        }
        return c;
    }

    static String url(String value) {
        if (value == null || value.isBlank()) {
            throw new Invalid("url is required: where the channel's actions are POSTed (http or https)");
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw new Invalid("url has more than " + MAX_URL_LENGTH + " characters");
        }
        URI u;
        try {
            u = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new Invalid("url is not a valid URI: " + Text.shorten(e.getMessage()));
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new Invalid("url must be http or https, not '" + Text.shorten(u.getScheme()) + "'");
        }
        // Credentials in a URL end up in logs and in the back office's listing: the signature is the credential.
        if (u.getRawUserInfo() != null || u.getRawAuthority() != null && u.getRawAuthority().contains("@")) {
            throw new Invalid("url must not carry credentials (user:password@); receivers check the X-Quanyu-Signature instead");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new Invalid("url needs a host name");
        }
        if (u.getRawFragment() != null) {
            throw new Invalid("url must not have a fragment (#…): it is never sent");
        }
        return u.toString();
    }

    static String secret(String value) {
        int bytes = value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new Invalid("secret must be at least " + MIN_SECRET_BYTES + " bytes (it keys the HMAC-SHA256 signature)");
        }
        if (bytes > MAX_SECRET_BYTES) {
            throw new Invalid("secret has more than " + MAX_SECRET_BYTES + " bytes");
        }
        return value;
    }

    static int maxAttempts(int value) {
        if (value < 1 || value > MAX_ATTEMPTS_LIMIT) {
            throw new Invalid("max_attempts must be between 1 and " + MAX_ATTEMPTS_LIMIT);
        }
        return value;
    }

    /** Never printed: a record's toString would carry the secret into logs. */
    @Override
    public String toString() {
        return "Webhook[channel=" + channel + ", url=" + url + ", active=" + active + ", maxAttempts=" + maxAttempts + "]";
    }
}
