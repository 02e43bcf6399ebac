package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;
import java.util.List;

/**
 * An action of a journey for one customer on {@code engagement.actions.v1} (key = customer key): what a channel's
 * gateway (push, SMS, e-mail, POS) should deliver. Written once per journey, customer and trigger event.
 *
 * @param actionId         unique per action; stable across redelivery (derived from journey, customer and trigger)
 * @param journeyId        the journey that fired
 * @param customerKey      canonical user key of the customer ({@code u:…} or {@code a:…})
 * @param channel          the channel to deliver on ({@code web}, {@code app}, {@code miniprogram}, {@code store})
 * @param kind             {@code grant_offer} or {@code message}
 * @param offerId          the offer granted; null for a message
 * @param code             the customer's unique coupon code for that offer; null for a message
 * @param recommendedItems product ids to show with the action (may be empty)
 * @param triggerEventId   the events.v1 id that started the journey for this customer
 * @param at               when the action was decided
 * @param message          the text to send (a message; optional with an offer)
 */
public record EngagementAction(@Required String actionId, @Required String journeyId, @Required String customerKey, @Required String channel,
                               @Required String kind, String offerId, String code, List<String> recommendedItems, String triggerEventId,
                               @Required Instant at, String message) {

    /** Kind: an offer (coupon code) was granted. */
    public static final String GRANT_OFFER = "grant_offer";
    /** Kind: a message to send. */
    public static final String MESSAGE = "message";

    /** An action without a text. */
    public EngagementAction(String actionId, String journeyId, String customerKey, String channel, String kind, String offerId, String code,
                            List<String> recommendedItems, String triggerEventId, Instant at) {
        this(actionId, journeyId, customerKey, channel, kind, offerId, code, recommendedItems, triggerEventId, at, null);
    }

    public EngagementAction {
        recommendedItems = recommendedItems == null ? List.of() : List.copyOf(recommendedItems);
    }
}
