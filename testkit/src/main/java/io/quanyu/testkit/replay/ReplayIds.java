package io.quanyu.testkit.replay;

import io.quanyu.events.Channel;
import java.util.Optional;

/** Who uses which channel in a replay, and the ids of every user and movie (e.g. {@code ml-42}, {@code ml-item-50}). */
public final class ReplayIds {

    // Public so that tests of other services can name the users and products they expect downstream.
    private ReplayIds() {
    }

    /** The user's main channel: uid % 4 → web, app, mini-program, store (who browses and reviews in the app). */
    public static Channel mainChannel(int uid) {
        return switch (uid % 4) {
            case 0 -> Channel.WEB;
            case 1 -> Channel.APP;
            case 2 -> Channel.MINIPROGRAM;
            default -> Channel.STORE;
        };
    }

    /** Every 5th user also uses a second channel: web, or the mini-program when the main one is web. */
    public static Optional<Channel> secondChannel(int uid) {
        if (uid % 5 != 0) {
            return Optional.empty();
        }
        return Optional.of(mainChannel(uid) == Channel.WEB ? Channel.MINIPROGRAM : Channel.WEB);
    }

    /** Where a channel's clicks (logins, views, reviews) happen: store customers click in the app. */
    public static Channel clickChannel(Channel channel) {
        return channel == Channel.STORE ? Channel.APP : channel;
    }

    public static String userId(int uid) {
        return "ml-" + uid;
    }

    public static String productId(int item) {
        return "ml-item-" + item;
    }

    public static String anonymousId(int uid) {
        return "ml-anon-" + uid;
    }

    public static String deviceId(int uid) {
        return "ml-dev-" + uid;
    }

    public static String openid(int uid) {
        return "ml-openid-" + uid;
    }

    public static String unionid(int uid) {
        return "ml-union-" + uid;
    }

    public static String memberCard(int uid) {
        return "ml-card-" + uid;
    }

    public static String storeId(int uid) {
        return "ml-store-" + uid % 7;
    }

    public static String orderId(int uid, int item) {
        return "ml-order-" + uid + "-" + item;
    }

    public static String receiptNo(int uid, int item) {
        return "ml-" + uid + "-" + item;
    }

    /** The channel's own message id of a derived event: stable, so a second replay deduplicates. */
    public static String messageId(Channel channel, int uid, int item, Interaction.Kind kind) {
        return kind == Interaction.Kind.LOGIN
                ? "ml-" + uid + "-" + channel.wire() + "-login"
                : "ml-" + uid + "-" + item + "-" + kind.wire();
    }
}
