package io.quanyu.recommender.bench;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A synthetic shop for load tests, seeded: a catalog of products in categories with bilingual titles, and
 * customers who each favour a few categories and pick items there by a Zipf law, plus some browsing elsewhere.
 * Not a quality benchmark: it exists so serving can be measured on a catalog far larger than any public log.
 */
final class SyntheticShop {

    private static final String[] NOUNS_ZH = {"耳机", "手机壳", "运动鞋", "连衣裙", "保温杯", "背包", "台灯", "茶叶", "面膜", "键盘", "咖啡", "毛巾"};
    private static final String[] ADJECTIVES = {"wireless", "portable", "classic", "premium", "compact", "organic", "smart", "vintage",
            "lightweight", "waterproof", "ergonomic", "handmade"};

    final int items;
    final int categories;
    final int users;
    final double meanInteractions;
    private final long seed;

    SyntheticShop(int items, int categories, int users, double meanInteractions, long seed) {
        this.items = items;
        this.categories = categories;
        this.users = users;
        this.meanInteractions = meanInteractions;
        this.seed = seed;
    }

    static String itemId(int i) {
        return "sku-" + i;
    }

    static String userKey(int u) {
        return "u:shop-" + u;
    }

    private int categoryOf(int item) {
        return item % categories;
    }

    List<ProducerRecord<String, byte[]>> catalog() {
        return products().stream().map(p -> new ProducerRecord<>(Topics.CATALOG_PRODUCTS, p.productId(), EventCodec.encode(p))).toList();
    }

    List<Product> products() {
        SplittableRandom r = new SplittableRandom(seed);
        List<Product> out = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            int c = categoryOf(i);
            String title = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + NOUNS_ZH[c % NOUNS_ZH.length] + " model-" + r.nextInt(5000)
                    + " series c" + c;
            Product p = new Product(itemId(i), title, "category " + c + " " + ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " item for everyday use",
                    "cat-" + c, "brand-" + r.nextInt(500), new BigDecimal(10 + r.nextInt(990)), "CNY", true, Instant.now());
            out.add(p);
        }
        return out;
    }

    /** One generated interaction: customer {@code user}'s {@code k}-th, a purchase or else a view. */
    interface Sink {
        void accept(int user, int k, int item, Instant at, boolean purchase);
    }

    /** Views, and a purchase for about one interaction in ten, over the last 30 days. */
    List<ProducerRecord<String, byte[]>> events() {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        interactions((u, k, item, t, purchase) -> {
            String key = userKey(u);
            String id = "syn-" + u + "-" + k;
            CloudEvent e = purchase
                    ? CloudEvent.of(id, Channel.APP, EventType.PURCHASE, t, key, t, null, new Purchase("o-" + id,
                    List.of(new OrderLine(itemId(item), 1, BigDecimal.TEN)), BigDecimal.TEN, "CNY", null))
                    : CloudEvent.of(id, Channel.WEB, EventType.PRODUCT_VIEW, t, key, t, null, new ProductView(itemId(item), null, null));
            out.add(new ProducerRecord<>(Topics.EVENTS, key, EventCodec.encode(e)));
        });
        return out;
    }

    /** The interactions {@link #events()} publishes, without encoding them. */
    void interactions(Sink sink) {
        SplittableRandom r = new SplittableRandom(seed + 1);
        int perCategory = items / categories;
        double[] zipf = zipfCumulative(perCategory);
        Instant now = Instant.now();
        for (int u = 0; u < users; u++) {
            int[] favourites = {r.nextInt(categories), r.nextInt(categories), r.nextInt(categories)};
            int n = 1 + (int) (-Math.log(1 - r.nextDouble()) * (meanInteractions - 1));
            for (int k = 0; k < n; k++) {
                int item;
                if (r.nextDouble() < 0.1) {
                    item = r.nextInt(items);
                } else {
                    int rank = sample(zipf, r.nextDouble());
                    item = favourites[r.nextInt(favourites.length)] + rank * categories;
                }
                Instant t = now.minus(Duration.ofSeconds(r.nextLong(30L * 86_400)));
                sink.accept(u, k, item, t, r.nextDouble() < 0.1);
            }
        }
    }

    private static double[] zipfCumulative(int n) {
        double[] c = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += 1.0 / (k + 1);
            c[k] = total;
        }
        for (int k = 0; k < n; k++) {
            c[k] /= total;
        }
        return c;
    }

    private static int sample(double[] cumulative, double u) {
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
