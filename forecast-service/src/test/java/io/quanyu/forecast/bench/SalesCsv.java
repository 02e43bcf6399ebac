package io.quanyu.forecast.bench;

import io.quanyu.forecast.domain.FeatureKind;
import io.quanyu.forecast.domain.Series;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads weekly sales from any CSV into series, one per key combination, given column names; a column name may contain
 * {@code {other}} placeholders resolved per row (Dominick's {@code price{brand}} is the brand's own price column).
 */
public final class SalesCsv {

    /** Which columns mean what; qtyTransform is none, exp (log units) or expm1 (log1p units). */
    public record Columns(List<String> keys, String period, String qty, String qtyTransform, List<String> prices,
                          List<String> promos, List<String> others) {

        /** Dominick's orange juice: weekly units = exp(logmove) per store × brand, own price, deal and feat. */
        public static Columns dominicks() {
            return new Columns(List.of("store", "brand"), "week", "logmove", "exp", List.of("price{brand}"),
                    List.of("deal", "feat"), List.of());
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    /** RFC 4180 (Commons CSV): quoted fields may hold commas, doubled quotes and line breaks; empty lines skipped. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private SalesCsv() {
    }

    /** Resolves the shared data directory: system property quanyu.data.dir, else ../shared/data or ../../shared/data. */
    public static Path dataDir() {
        String prop = System.getProperty("quanyu.data.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        for (String c : List.of("../shared/data", "../../shared/data")) {
            if (Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        return Path.of("../shared/data");
    }

    public static List<Series> read(Path csv, Columns c) throws IOException {
        Map<String, TreeMap<Integer, Double>> demand = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, double[]>> feats = new HashMap<>();
        List<String> featureCols = new ArrayList<>();
        List<FeatureKind> kinds = new ArrayList<>();
        c.prices().forEach(p -> { featureCols.add(p); kinds.add(FeatureKind.PRICE); });
        c.promos().forEach(p -> { featureCols.add(p); kinds.add(FeatureKind.PROMOTION); });
        c.others().forEach(p -> { featureCols.add(p); kinds.add(FeatureKind.OTHER); });
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = FORMAT.parse(r)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            List<String> header = records.next().toList();
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                col.put(header.get(i).trim(), i);
            }
            int[] keyIdx = c.keys().stream().mapToInt(k -> index(col, k)).toArray();
            int periodIdx = index(col, c.period());
            int qtyIdx = index(col, c.qty());
            while (records.hasNext()) {
                List<String> f = records.next().toList();
                if (f.size() == 1 && f.getFirst().isBlank()) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < keyIdx.length; i++) {
                    key.append(i == 0 ? "" : "/").append(f.get(keyIdx[i]).trim());
                }
                int period = (int) Math.round(Double.parseDouble(f.get(periodIdx).trim()));
                double q = transform(parse(f.get(qtyIdx)), c.qtyTransform());
                double[] x = new double[featureCols.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = parse(f.get(index(col, resolve(featureCols.get(j), col, f))));
                }
                String k = key.toString();
                demand.computeIfAbsent(k, z -> new TreeMap<>()).put(period, q);
                feats.computeIfAbsent(k, z -> new TreeMap<>()).put(period, x);
            }
        }
        List<Series> out = new ArrayList<>();
        demand.forEach((k, d) -> out.add(Series.fromObservations(k, d, featureCols, kinds, feats.get(k))));
        return out;
    }

    private static String resolve(String template, Map<String, Integer> col, List<String> row) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = row.get(index(col, m.group(1))).trim();
            // "3.0" in a key column should still name price3
            if (v.endsWith(".0")) {
                v = v.substring(0, v.length() - 2);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int index(Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + name + "' in " + col.keySet());
        }
        return i;
    }

    private static double parse(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }

    private static double transform(double v, String how) {
        return switch (how.toLowerCase(Locale.ROOT)) {
            case "exp" -> Math.exp(v);
            case "expm1" -> Math.expm1(v);
            case "none", "" -> v;
            default -> throw new IllegalArgumentException("qty transform must be none, exp or expm1: " + how);
        };
    }
}
