package io.quanyu.events.data;

import io.quanyu.events.validation.Required;
import java.util.List;
import java.util.Map;

/**
 * Login or registration: links every id the message carried to the user id, with known traits. {@code verified}
 * is set by ingestion only when a trusted source sent it (the channel's server key, or a back end writing the raw
 * topic with the {@link #TRUSTED_HEADER} header); only then may its phone, e-mail and member-card links join the
 * identity graph, otherwise they are kept as unverified hints.
 */
public record Identify(@Required String userId, List<LinkedId> links, Map<String, String> traits, Boolean verified) implements EventData {

    /** Kafka header a back end sets on a raw-topic record to assert that it, not a customer's device, sent it. */
    public static final String TRUSTED_HEADER = "quanyu-trusted";

    /** An identify from a client-side source (browser, app, mini-program): its strong links are hints only. */
    public Identify(String userId, List<LinkedId> links, Map<String, String> traits) {
        this(userId, links, traits, null);
    }

    /** Whether a trusted source sent it. */
    public boolean fromTrustedSource() {
        return Boolean.TRUE.equals(verified);
    }

    /** The same identify as asserted (or not) by a trusted source. */
    public Identify withVerified(boolean trusted) {
        return new Identify(userId, links, traits, trusted ? Boolean.TRUE : null);
    }
}
