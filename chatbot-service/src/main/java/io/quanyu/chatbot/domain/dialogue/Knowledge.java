package io.quanyu.chatbot.domain.dialogue;

import io.quanyu.chatbot.domain.faq.FaqHit;
import java.util.List;
import java.util.Optional;

/** What the dialogue policy may look up while answering a turn; the service backs it with its stores and the recommender. */
public interface Knowledge {

    Optional<OrderFacts> order(String orderId);

    /** The latest orders recorded under any of these keys (one customer's), newest first. */
    List<OrderFacts> recentOrders(List<String> userKeys, int limit);

    Optional<ProductFacts> product(String productId);

    /** Products like this one (from the recommender), best first; empty when none or unavailable. */
    List<ProductFacts> similar(String productId, int limit);

    /** The coupons the signed-in customer of this turn can use now; empty when none or the engagement service did not answer. */
    List<OfferFacts> liveOffers();

    /** The best FAQ entry covering at least minCoverage of the text. */
    Optional<FaqHit> faq(String text, double minCoverage);
}
