package io.quanyu.engagement.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quanyu.events.EngagementAction;
import java.util.List;

/**
 * What a journey does for a treated customer: grant an offer's code, or send a message; either can carry the
 * customer's current recommendations (from recommendations.v1) after the trigger's own items.
 *
 * @param kind            {@code grant_offer} or {@code send_message}
 * @param offerId         grant_offer: the offer whose code is granted
 * @param channel         channel to deliver on (null: the trigger's channel)
 * @param message         the text to send (send_message: required; grant_offer: optional), at most 1,000 characters
 * @param recommendations how many recommended products to attach, 0 to 20 (default 0; send_message 4)
 */
public record Action(String kind, String offerId, String channel, String message, Integer recommendations) {

    public static final String GRANT_OFFER = "grant_offer";
    public static final String SEND_MESSAGE = "send_message";

    /** The shorthand of the first version: an offer on a channel. */
    public Action(String kind, String offerId, String channel) {
        this(kind, offerId, channel, null, null);
    }

    public Action validated(String field) {
        if (!GRANT_OFFER.equals(kind) && !SEND_MESSAGE.equals(kind)) {
            throw new Invalid(field + ".kind must be grant_offer or send_message");
        }
        boolean grant = GRANT_OFFER.equals(kind);
        String offer = grant ? Text.id(field + ".offer_id", offerId) : null;
        if (!grant && offerId != null) {
            throw new Invalid(field + ".offer_id is only for grant_offer");
        }
        if (!grant && (message == null || message.isBlank())) {
            throw new Invalid(field + ".message is required for send_message");
        }
        Text.name(field + ".message", message, 1000);
        int n = recommendations == null ? (grant ? 0 : 4) : recommendations;
        if (n < 0 || n > 20) {
            throw new Invalid(field + ".recommendations must be from 0 to 20");
        }
        String ch = channel == null ? null : Text.channels(field + ".channel", List.of(channel)).getFirst();
        return new Action(kind, offer, ch, message == null ? null : message.strip(), n);
    }

    @JsonIgnore
    public boolean grants() {
        return GRANT_OFFER.equals(kind);
    }

    /** The kind on engagement.actions.v1. */
    @JsonIgnore
    public String wireKind() {
        return grants() ? EngagementAction.GRANT_OFFER : EngagementAction.MESSAGE;
    }
}
