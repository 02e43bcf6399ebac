package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Validatable;

/**
 * A share or a like of shop content on a social platform (a mini-program's share card, a post): of a product, or of
 * other content such as an article or a live stream; {@code platform} is where (wechat, weibo, douyin...).
 */
public record SocialInteraction(String productId, String contentId, String platform) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        if ((productId == null || productId.isBlank()) && (contentId == null || contentId.isBlank())) {
            checks.missing("product_id");
        }
    }
}
