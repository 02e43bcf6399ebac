package io.quanyu.console.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the samples of one metric family out of a Prometheus text exposition (a service's /q/metrics). */
public final class Prometheus {

    /** One sample: its labels and value. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private Prometheus() {
    }

    /** Every sample of the metric called name (exactly, with no suffix), in the order they appear. */
    public static List<Sample> samples(String text, String name) {
        List<Sample> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            Map<String, String> labels = new LinkedHashMap<>();
            if (rest.startsWith("{")) {
                int end = rest.lastIndexOf('}');
                if (end < 0) {
                    continue;
                }
                parseLabels(rest.substring(1, end), labels);
                rest = rest.substring(end + 1);
            } else if (!rest.startsWith(" ")) {
                continue; // another metric whose name starts with this one
            }
            String[] parts = rest.trim().split("\\s+");
            try {
                out.add(new Sample(labels, Double.parseDouble(parts[0])));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return out;
    }

    /** The samples summed by one label's value (e.g. events per channel), sorted by that value. */
    public static Map<String, Double> sumBy(List<Sample> samples, String label) {
        Map<String, Double> out = new TreeMap<>();
        for (Sample s : samples) {
            out.merge(s.labels().getOrDefault(label, ""), s.value(), Double::sum);
        }
        return out;
    }

    private static void parseLabels(String body, Map<String, String> labels) {
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0 || eq + 1 >= body.length() || body.charAt(eq + 1) != '"') {
                return;
            }
            String key = body.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (j < body.length() && body.charAt(j) != '"') {
                char c = body.charAt(j);
                if (c == '\\' && j + 1 < body.length()) {
                    char n = body.charAt(++j);
                    value.append(n == 'n' ? '\n' : n);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            while (i < body.length() && (body.charAt(i) == ',' || body.charAt(i) == ' ')) {
                i++;
            }
        }
    }
}
