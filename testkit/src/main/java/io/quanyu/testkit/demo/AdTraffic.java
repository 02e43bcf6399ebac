package io.quanyu.testkit.demo;

import io.quanyu.events.Channel;
import io.quanyu.events.EventCodec;
import io.quanyu.events.raw.RawAdEvent;
import io.quanyu.events.raw.RawReceiptLine;
import io.quanyu.events.raw.RawStoreReceipt;
import io.quanyu.events.raw.RawWebEvent;
import io.quanyu.testkit.replay.RawMessage;
import io.quanyu.testkit.replay.ReplayIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Simulated ad traffic for the MovieLens customers (there is no public ad log to replay; the rates are stated, not
 * measured): 14 days of impressions and clicks of three campaigns with known click and conversion rates, a daily cost
 * report per campaign, and the purchases that follow some clicks within two days: a web checkout, or for customers who
 * shop in a store, a POS receipt on their member card, so the attribution has to join channels through the identity.
 */
public final class AdTraffic {

    /** A simulated campaign and its true rates. */
    public record Sim(String campaignId, String name, String channel, String platform, double ctr, double cvr, BigDecimal cpc) {
    }

    public static final List<Sim> CAMPAIGNS = List.of(
            new Sim("ml-search", "Search ads: new releases", "web", "search-ads", 0.04, 0.08, new BigDecimal("1.20")),
            new Sim("ml-social", "Mini-program social feed", "miniprogram", "social-ads", 0.025, 0.04, new BigDecimal("0.80")),
            new Sim("ml-display", "App display banners", "app", "display-ads", 0.01, 0.02, new BigDecimal("0.50")));
    static final int DAYS = 14;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** What was generated: the messages, and the purchases that followed a click (web and store). */
    public record Traffic(List<RawMessage> messages, int clicks, int webPurchases, int storePurchases, BigDecimal revenue) {
    }

    private AdTraffic() {
    }

    /** The admin body that registers a simulated campaign. */
    public static Map<String, Object> registration(Sim c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign_id", c.campaignId());
        body.put("name", c.name());
        body.put("channels", List.of(c.channel()));
        body.put("daily_budget", 1000);
        body.put("min_daily_spend", 100);
        body.put("max_daily_spend", 3000);
        body.put("target_segments", List.of());
        body.put("ads", List.of(Map.of("ad_id", c.campaignId() + "-a", "name", c.name() + " A", "creative", "banner A"),
                Map.of("ad_id", c.campaignId() + "-b", "name", c.name() + " B", "creative", "banner B")));
        return body;
    }

    public static Traffic generate(int users, Instant now, long seed) {
        Random r = new Random(seed);
        List<RawMessage> out = new ArrayList<>();
        int clicks = 0;
        int web = 0;
        int store = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(DAYS, ChronoUnit.DAYS);
        for (int day = 0; day < DAYS; day++) {
            for (Sim c : CAMPAIGNS) {
                int dayClicks = 0;
                for (int uid = 1; uid <= users; uid++) {
                    Instant at = start.plus(day, ChronoUnit.DAYS).plusSeconds(r.nextInt(20 * 3600));
                    String ad = c.campaignId() + (r.nextBoolean() ? "-a" : "-b");
                    String id = c.campaignId() + "-" + day + "-" + uid;
                    out.add(ad(c, "impression", "imp-" + id, ad, "u:" + ReplayIds.userId(uid), null, at));
                    if (r.nextDouble() >= c.ctr()) {
                        continue;
                    }
                    clicks++;
                    dayClicks++;
                    out.add(ad(c, "click", "clk-" + id, ad, "u:" + ReplayIds.userId(uid), null, at.plusSeconds(5)));
                    if (r.nextDouble() < c.cvr()) {
                        Instant bought = at.plusSeconds(600 + r.nextInt(36 * 3600));
                        BigDecimal amount = BigDecimal.valueOf(Math.exp(4 + 0.5 * r.nextGaussian())).setScale(2, RoundingMode.HALF_UP);
                        revenue = revenue.add(amount);
                        if (ReplayIds.mainChannel(uid) == Channel.STORE) {
                            store++;
                            out.add(receipt(uid, "ad-" + id, bought, amount));
                        } else {
                            web++;
                            out.add(checkout(uid, "ad-order-" + id, bought, amount));
                        }
                    }
                }
                BigDecimal cost = c.cpc().multiply(BigDecimal.valueOf(dayClicks));
                out.add(ad(c, "cost", "cost-" + c.campaignId() + "-" + day, c.campaignId() + "-a", null,
                        cost.movePointRight(6).longValueExact(), start.plus(day, ChronoUnit.DAYS).plusSeconds(23 * 3600)));
            }
        }
        return new Traffic(out, clicks, web, store, revenue);
    }

    private static RawMessage ad(Sim c, String event, String eventId, String adId, String userRef, Long costMicros, Instant at) {
        RawAdEvent e = new RawAdEvent(c.platform(), event, eventId, c.campaignId(), adId, event.equals("click") ? eventId : null, userRef,
                costMicros, at.toEpochMilli());
        return new RawMessage(Channel.ADS.rawTopic(), c.campaignId(), EventCodec.encode(e));
    }

    private static RawMessage checkout(int uid, String orderId, Instant at, BigDecimal amount) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("order_id", orderId);
        props.put("lines", List.of(Map.of("product_id", "ml-item-50", "quantity", 1, "unit_price", amount)));
        props.put("amount", amount);
        props.put("currency", "CNY");
        RawWebEvent e = new RawWebEvent("web-" + orderId, ReplayIds.anonymousId(uid), ReplayIds.userId(uid), "checkout", at.toEpochMilli(), null,
                null, null, props);
        return new RawMessage(Channel.WEB.rawTopic(), ReplayIds.anonymousId(uid), EventCodec.encode(e));
    }

    private static RawMessage receipt(int uid, String receiptNo, Instant at, BigDecimal amount) {
        RawStoreReceipt r = new RawStoreReceipt(ReplayIds.storeId(uid), receiptNo, ReplayIds.memberCard(uid), null,
                at.atZone(SHANGHAI).toLocalDateTime().format(LOCAL), SHANGHAI.getId(), List.of(new RawReceiptLine("ml-item-50", 1, amount)),
                amount, "CNY");
        return new RawMessage(Channel.STORE.rawTopic(), r.storeId(), EventCodec.encode(r));
    }
}
