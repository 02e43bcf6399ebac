package io.quanyu.ads.domain.performance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums {@link PerformanceRow}s by any combination of grains (per ad, campaign, channel, day, campaign x day, ...). */
public final class Rollup {

    private Rollup() {
    }

    /** All rows summed into one set of counters (zero for no rows). */
    public static Counters total(Iterable<PerformanceRow> rows) {
        Counters sum = Counters.ZERO;
        for (PerformanceRow r : rows) {
            sum = sum.plus(r.counters());
        }
        return sum;
    }

    /**
     * One summary per distinct combination of the grains' values, sorted by those values in grain order; no grains
     * gives a single summary of everything. Empty input gives an empty list.
     */
    public static List<PerformanceSummary> by(List<Grain> grains, Iterable<PerformanceRow> rows) {
        Map<List<String>, Counters> sums = new HashMap<>();
        for (PerformanceRow r : rows) {
            List<String> key = new ArrayList<>(grains.size());
            for (Grain g : grains) {
                key.add(g.of(r));
            }
            sums.merge(List.copyOf(key), r.counters(), Counters::plus);
        }
        List<List<String>> keys = new ArrayList<>(sums.keySet());
        keys.sort(Rollup::compareKeys);
        List<PerformanceSummary> out = new ArrayList<>(keys.size());
        for (List<String> k : keys) {
            Map<Grain, String> named = new LinkedHashMap<>();
            for (int i = 0; i < grains.size(); i++) {
                named.put(grains.get(i), k.get(i));
            }
            Counters c = sums.get(k);
            out.add(new PerformanceSummary(Collections.unmodifiableMap(named), c, c.metrics()));
        }
        return out;
    }

    /** {@link #by(List, Iterable)} for one grain. */
    public static List<PerformanceSummary> by(Grain grain, Iterable<PerformanceRow> rows) {
        return by(List.of(grain), rows);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        Comparator<String> c = Comparator.naturalOrder();
        for (int i = 0; i < a.size(); i++) {
            int r = c.compare(a.get(i), b.get(i));
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
}
