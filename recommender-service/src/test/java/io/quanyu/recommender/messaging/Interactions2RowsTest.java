package io.quanyu.recommender.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.MessageFeedback;
import io.quanyu.events.data.SocialInteraction;
import io.quanyu.recommender.domain.EventWeights;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Social likes and shares of a product are interactions; shares of other content and message feedback are not. */
class Interactions2RowsTest {

    private static CloudEvent event(EventType type, EventData data) {
        Instant t = Instant.parse("2026-11-11T12:00:00Z");
        return CloudEvent.of("e-" + type.wire(), Channel.MINIPROGRAM, type, t, "u:7", t, null, data);
    }

    @Test
    void aLikeOrShareOfAProductCountsAndWeighsLikeAFavouriteOrACartAdd() {
        var like = Interactions2Rows.of(event(EventType.SOCIAL_LIKE, new SocialInteraction("sku-1", null, "wechat")));
        var share = Interactions2Rows.of(event(EventType.SOCIAL_SHARE, new SocialInteraction("sku-2", null, "wechat")));
        assertThat(like).singleElement().satisfies(r -> assertThat(r.itemId()).isEqualTo("sku-1"));
        assertThat(share).singleElement().satisfies(r -> assertThat(r.itemId()).isEqualTo("sku-2"));
        EventWeights w = EventWeights.ecommerceDefaults();
        assertThat(w.weight("social_like", 0)).isEqualTo(w.weight("favorite", 0));
        assertThat(w.weight("social_share", 0)).isEqualTo(w.weight("add_to_cart", 0));
        assertThat(Interactions2Rows.of(event(EventType.SOCIAL_SHARE, new SocialInteraction(null, "live-3", "douyin")))).isEmpty();
        assertThat(Interactions2Rows.of(event(EventType.MESSAGE_CLICKED, new MessageFeedback("act-1", null, null)))).isEmpty();
        assertThat(w.counts("message_clicked")).isFalse();
    }
}
