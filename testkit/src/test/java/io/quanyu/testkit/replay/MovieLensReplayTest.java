package io.quanyu.testkit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.events.raw.RawAppBatch;
import io.quanyu.events.raw.RawAppEvent;
import io.quanyu.events.raw.RawCatalogProduct;
import io.quanyu.events.raw.RawMiniProgramEvent;
import io.quanyu.events.raw.RawStoreReceipt;
import io.quanyu.events.raw.RawWebEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MovieLensReplayTest {

    private static final Instant ANCHOR = Instant.parse("2026-05-01T08:00:00Z");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ReplayOptions options;
    private static MovieLensData data;
    private static List<RawMessage> full;
    private static Seen seen;
    /** u.data read here, independently of the replay's loader: {uid, item, rating, seconds}. */
    private static List<long[]> log;

    @BeforeAll
    static void buildOnce() throws IOException {
        String prop = System.getProperty(ReplayOptions.DATA_DIR_PROPERTY);
        Path dir = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "data");
        options = new ReplayOptions(dir, ANCHOR, 0);
        data = MovieLensData.load(dir);
        full = MovieLensReplay.messages(data, options);
        seen = Seen.decode(full);
        log = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("movielens-100k/u.data"), StandardCharsets.US_ASCII)) {
            if (!line.isBlank()) {
                String[] f = line.split("\t");
                log.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
            }
        }
    }

    @Test
    void catalogComesFirstWithOneProductPerMovie() {
        List<RawMessage> catalog = full.subList(0, 1682);
        assertThat(catalog).allSatisfy(m -> assertThat(m.topic()).isEqualTo(Topics.RAW_CATALOG));
        assertThat(full.get(1682).topic()).isNotEqualTo(Topics.RAW_CATALOG);
        assertThat(seen.products).hasSize(1682);
        RawCatalogProduct toyStory = seen.products.get("ml-item-1");
        assertThat(toyStory.title()).isEqualTo("Toy Story (1995)");
        assertThat(toyStory.description()).isEqualTo("Toy Story (1995) (1995), genres: Animation, Children's, Comedy");
        assertThat(toyStory.category()).isEqualTo("animation");
        assertThat(toyStory.brand()).isEqualTo("movielens");
        assertThat(toyStory.price()).isEqualTo(new BigDecimal("46.90"));
        assertThat(toyStory.currency()).isEqualTo("CNY");
        assertThat(toyStory.inStock()).isTrue();
        assertThat(seen.products.values()).allSatisfy(p -> {
            assertThat(p.price()).isBetween(new BigDecimal("9.90"), new BigDecimal("49.90"));
            assertThat(p.title()).doesNotContain("\uFFFD");
        });
        assertThat(seen.products.get("ml-item-267").category()).isEqualTo("unknown");
    }

    @Test
    void everyRatingIsAViewAndAReviewAndEveryLikedMovieIsBought() {
        long liked = log.stream().filter(r -> r[2] >= 4).count();
        assertThat(log).hasSize(100_000);
        assertThat(seen.views).hasSize(100_000);
        assertThat(seen.reviews).isEqualTo(100_000);
        assertThat(seen.purchases).isEqualTo((int) liked);
        // Each (user, item) rating appears once as a view, with the user's id on it.
        Set<String> expected = new HashSet<>();
        log.forEach(r -> expected.add("ml-" + r[0] + "/ml-item-" + r[1]));
        assertThat(seen.views).isEqualTo(expected);

        Counts counts = MovieLensReplay.count(full);
        assertThat(counts.catalogProducts()).isEqualTo(1682);
        assertThat(counts.views()).isEqualTo(100_000);
        assertThat(counts.reviews()).isEqualTo(100_000);
        assertThat(counts.purchases()).isEqualTo((int) liked);
        assertThat(counts.receipts()).isEqualTo(seen.receipts);
        assertThat(counts.logins()).isEqualTo(seen.logins.values().stream().mapToInt(Set::size).sum());
        assertThat(counts.expectedEvents()).isEqualTo(seen.events);
        assertThat(counts.messages()).isEqualTo(full.size());
        System.out.printf("full replay: %,d messages%n%s", full.size(), counts.render());
    }

    @Test
    void everyMessageDecodesAsItsRawRecordAndIsKeyedByTheChannelsOwnId() {
        // Seen.decode fails on the first message that does not decode; here the keys and ids.
        assertThat(seen.failures).isEmpty();
        assertThat(seen.keyMismatches).isEmpty();
        assertThat(seen.duplicateIds).isEmpty();
    }

    @Test
    void twoBuildsAreByteIdentical() {
        List<RawMessage> again = MovieLensReplay.messages(options);
        assertThat(again).hasSameSizeAs(full);
        for (int i = 0; i < full.size(); i++) {
            assertThat(again.get(i)).as("message %d", i).isEqualTo(full.get(i));
        }
    }

    @Test
    void latestEventIsAtTheAnchorAndEveryKeyIsInTimeOrder() {
        assertThat(seen.latest).isEqualTo(ANCHOR);
        assertThat(seen.earliest).isAfter(ANCHOR.minusSeconds(240L * 24 * 3600));
        assertThat(seen.outOfOrderKeys).isEmpty();
    }

    @Test
    void usersOfAllFourMainChannelsAndTwoChannelUsersLogInOnBoth() {
        assertThat(seen.messagesPerTopic.keySet()).contains(Topics.RAW_WEB, Topics.RAW_APP, Topics.RAW_MINIPROGRAM,
                Topics.RAW_STORE, Topics.RAW_CATALOG);
        assertThat(data.users()).hasSize(943);
        for (int uid : data.users().keySet()) {
            Set<Channel> expected = new TreeSet<>();
            Channel main = ReplayIds.mainChannel(uid);
            expected.add(main == Channel.STORE ? Channel.APP : main);
            if (uid % 5 == 0) {
                expected.add(main == Channel.WEB ? Channel.MINIPROGRAM : Channel.WEB);
            }
            assertThat(seen.logins.get("ml-" + uid)).as("login channels of user %d", uid).isEqualTo(expected);
        }
        // Store customers log in to the app with their member card, and only they shop in stores.
        assertThat(seen.cardLogins).isEqualTo(data.users().keySet().stream().filter(u -> u % 4 == 3).count());
        assertThat(seen.receiptUsers).allSatisfy(uid -> assertThat(uid % 4).isEqualTo(3));
        assertThat(seen.receipts).isPositive();
    }

    @Test
    void appBatchesHoldAtMostTwentyEventsOfOneDevice() {
        assertThat(seen.batchSizes).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(1, 20));
        assertThat(seen.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(seen.appEvents);
    }

    @Test
    void aLimitTakesTheFirstRatingsInTimeOrder() {
        List<RawMessage> small = MovieLensReplay.messages(data, options.withMaxRatings(1000));
        List<long[]> first = log.stream()
                .sorted(Comparator.<long[]>comparingLong(r -> r[3]).thenComparingLong(r -> r[0]).thenComparingLong(r -> r[1]))
                .limit(1000).toList();
        Seen s = Seen.decode(small);
        assertThat(s.failures).isEmpty();
        assertThat(s.products).hasSize(1682);
        assertThat(s.views).hasSize(1000);
        assertThat(s.reviews).isEqualTo(1000);
        assertThat(s.purchases).isEqualTo((int) first.stream().filter(r -> r[2] >= 4).count());
        assertThat(s.latest).isEqualTo(ANCHOR);
        Set<String> expected = new HashSet<>();
        first.forEach(r -> expected.add("ml-" + r[0] + "/ml-item-" + r[1]));
        assertThat(s.views).isEqualTo(expected);
    }

    /** What a list of messages holds, read back through the raw records' own decoding and validation. */
    private static final class Seen {
        final Map<String, Integer> messagesPerTopic = new HashMap<>();
        final Map<String, RawCatalogProduct> products = new HashMap<>();
        final Set<String> views = new HashSet<>();
        final Map<String, Set<Channel>> logins = new HashMap<>();
        final Set<Integer> receiptUsers = new HashSet<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<String> keyMismatches = new ArrayList<>();
        final List<String> duplicateIds = new ArrayList<>();
        final Set<String> outOfOrderKeys = new TreeSet<>();
        private final Set<String> ids = new HashSet<>();
        private final Map<String, Instant> lastPerKey = new HashMap<>();
        int reviews, purchases, receipts, cardLogins, appEvents, events;
        Instant latest = Instant.MIN, earliest = Instant.MAX;

        static Seen decode(List<RawMessage> messages) {
            Seen s = new Seen();
            messages.forEach(s::add);
            return s;
        }

        private void add(RawMessage m) {
            messagesPerTopic.merge(m.topic(), 1, Integer::sum);
            switch (m.topic()) {
                case Topics.RAW_CATALOG -> decode(m, RawCatalogProduct.class, p -> {
                    key(m, p.productId());
                    products.put(p.productId(), p);
                });
                case Topics.RAW_WEB -> decode(m, RawWebEvent.class, w -> {
                    key(m, w.anonymousId());
                    event(m, Channel.WEB, w.messageId(), w.event(), w.userId(), w.productId(), Instant.ofEpochMilli(w.ts()));
                });
                case Topics.RAW_MINIPROGRAM -> decode(m, RawMiniProgramEvent.class, p -> {
                    key(m, p.openid());
                    event(m, Channel.MINIPROGRAM, p.msgId(), p.action(), p.userId(), p.itemId(),
                            LocalDateTime.parse(p.time(), LOCAL).atZone(SHANGHAI).toInstant());
                });
                case Topics.RAW_APP -> decode(m, RawAppBatch.class, b -> {
                    key(m, b.deviceId());
                    batchSizes.add(b.events().size());
                    for (RawAppEvent e : b.events()) {
                        appEvents++;
                        Object product = e.params() == null ? null : e.params().get("product_id");
                        event(m, Channel.APP, e.eventId(), e.name(), b.userId(), (String) product, e.timestamp().toInstant());
                        if (e.name().equals("login") && e.params().containsKey("member_card")) {
                            cardLogins++;
                        }
                    }
                });
                case Topics.RAW_STORE -> decode(m, RawStoreReceipt.class, r -> {
                    key(m, r.storeId());
                    int uid = Integer.parseInt(r.memberCard().substring("ml-card-".length()));
                    receiptUsers.add(uid);
                    receipts++;
                    BigDecimal price = products.get(r.lines().getFirst().sku()).price();
                    if (r.total().compareTo(price) != 0 || r.lines().getFirst().unitPrice().compareTo(price) != 0) {
                        failures.add("receipt total differs from the catalog price: " + m);
                    }
                    event(m, Channel.STORE, r.storeId() + "/" + r.receiptNo(), "purchase", null, null,
                            LocalDateTime.parse(r.checkoutTime(), LOCAL).atZone(ZoneId.of(r.timeZone())).toInstant());
                });
                default -> failures.add("unexpected topic " + m.topic());
            }
        }

        private <T> void decode(RawMessage m, Class<T> type, java.util.function.Consumer<T> then) {
            switch (EventCodec.decode(m.value(), type)) {
                case Decoded.Ok<T> ok -> then.accept(ok.value());
                case Decoded.Failed<T> f -> failures.add(f.code() + " " + f.detail() + ": " + m);
            }
        }

        private void key(RawMessage m, String expected) {
            if (!m.key().equals(expected)) {
                keyMismatches.add(m.key() + " != " + expected);
            }
        }

        private void event(RawMessage m, Channel channel, String id, String name, String userId, String productId, Instant at) {
            events++;
            if (!ids.add(channel + "/" + id)) {
                duplicateIds.add(channel + "/" + id);
            }
            latest = at.isAfter(latest) ? at : latest;
            earliest = at.isBefore(earliest) ? at : earliest;
            Instant before = lastPerKey.put(m.topic() + "/" + m.key(), at);
            if (before != null && at.isBefore(before)) {
                outOfOrderKeys.add(m.topic() + "/" + m.key());
            }
            switch (name) {
                case "login" -> logins.computeIfAbsent(userId, u -> new TreeSet<>()).add(channel);
                case "product_view" -> {
                    if (!views.add(userId + "/" + productId)) {
                        failures.add("second view of " + userId + "/" + productId);
                    }
                }
                case "review" -> reviews++;
                case "checkout", "purchase", "pay" -> purchases++;
                default -> failures.add("unexpected event " + name + ": " + m);
            }
        }
    }
}
