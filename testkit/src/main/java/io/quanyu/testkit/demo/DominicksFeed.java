package io.quanyu.testkit.demo;

import io.quanyu.events.Channel;
import io.quanyu.events.EventCodec;
import io.quanyu.events.raw.RawReceiptLine;
import io.quanyu.events.raw.RawStockCount;
import io.quanyu.events.raw.RawStoreReceipt;
import io.quanyu.testkit.replay.RawMessage;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Dominick's orange-juice sales as POS traffic on raw.store: for the chosen stores, every brand's weekly units (e^logmove)
 * of the last 52 weeks of the data, moved so the last data week is last week, one receipt per store, brand and week
 * (split at the 10,000-unit line limit), priced at the brand's price per ounce × 64 (a half-gallon carton).
 */
public final class DominicksFeed {

    /** One row of sales.csv that the demo uses. */
    public record Sale(int store, int brand, int week, long units, BigDecimal unitPrice) {
    }

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int WEEKS = 52;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private DominicksFeed() {
    }

    public static String sku(int brand) {
        return "oj-brand-" + brand;
    }

    public static String store(int store) {
        return "dominicks-" + store;
    }

    /**
     * The stores' sales of the last 52 data weeks, by store, brand and week. sales.csv is read as RFC 4180 CSV (Commons
     * CSV: its header is quoted, and quoted fields may hold commas), columns by header name: store, brand, week,
     * logmove and the brand's own price{brand}.
     */
    public static List<Sale> read(Path salesCsv, List<Integer> stores) throws IOException {
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(salesCsv); CSVParser csv = FORMAT.parse(in)) {
            rows = csv.getRecords();
        }
        List<Sale> out = new ArrayList<>();
        int lastWeek = 0;
        for (CSVRecord r : rows) {
            lastWeek = Math.max(lastWeek, Integer.parseInt(r.get("week")));
        }
        for (CSVRecord r : rows) {
            int store = Integer.parseInt(r.get("store"));
            int brand = Integer.parseInt(r.get("brand"));
            int week = Integer.parseInt(r.get("week"));
            if (stores.contains(store) && week > lastWeek - WEEKS) {
                long units = Math.round(Math.exp(Double.parseDouble(r.get("logmove"))));
                BigDecimal perOunce = new BigDecimal(r.get("price" + brand));
                out.add(new Sale(store, brand, week - (lastWeek - WEEKS) - 1, units, perOunce.multiply(BigDecimal.valueOf(64)).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return out;
    }

    /** Receipts for the sales, data week w (0..51) dated Wednesday noon of the (52 - w)th week before the current one. */
    public static List<RawMessage> receipts(List<Sale> sales, LocalDate today) {
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<RawMessage> out = new ArrayList<>();
        for (Sale s : sales) {
            LocalDate wednesday = thisMonday.minusWeeks(WEEKS - s.week()).plusDays(2);
            long left = s.units();
            for (int part = 0; left > 0; part++) {
                int qty = (int) Math.min(left, 10_000);
                left -= qty;
                RawStoreReceipt r = new RawStoreReceipt(store(s.store()), "oj-" + s.store() + "-" + s.brand() + "-" + s.week() + "-" + part, null, null,
                        wednesday.atTime(12, 0).plusMinutes(part).format(LOCAL), CHICAGO.getId(), List.of(new RawReceiptLine(sku(s.brand()), qty, s.unitPrice())),
                        s.unitPrice().multiply(BigDecimal.valueOf(qty)), "USD");
                out.add(new RawMessage(Channel.STORE.rawTopic(), r.storeId(), EventCodec.encode(r)));
            }
        }
        return out;
    }

    /** Stock counted now: a week of the last data week's sales on hand, except the low ones, which hold a tenth of it. */
    public static List<RawMessage> stockCounts(List<Sale> sales, List<String> lowSkus, java.time.Instant now) {
        Map<String, Sale> last = new TreeMap<>();
        for (Sale s : sales) {
            last.merge(s.store() + "|" + s.brand(), s, (a, b) -> a.week() >= b.week() ? a : b);
        }
        List<RawMessage> out = new ArrayList<>();
        for (Sale s : last.values()) {
            long onHand = lowSkus.contains(sku(s.brand())) ? Math.max(1, s.units() / 10) : s.units();
            RawStockCount c = new RawStockCount(store(s.store()), sku(s.brand()), (int) Math.min(onHand, Integer.MAX_VALUE),
                    now.atZone(CHICAGO).toLocalDateTime().format(LOCAL), CHICAGO.getId());
            out.add(new RawMessage(Channel.STORE.rawTopic(), c.storeId(), EventCodec.encode(c)));
        }
        return out;
    }
}
