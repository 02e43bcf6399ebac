package io.quanyu.console.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache ECharts options built on the server from the services' figures; the page hands them to ECharts as they are
 * (console.js), so every chart is drawn by the library and no page draws its own SVG.
 */
public final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    /** The option as JSON, for a data-chart attribute. */
    public static String json(Map<String, Object> option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bars per category, one series per entry of series (name → a value per category). */
    public static Map<String, Object> bars(String title, List<String> categories, Map<String, List<Number>> series) {
        Map<String, Object> o = base(title);
        o.put("xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("interval", 0, "rotate", categories.size() > 6 ? 30 : 0)));
        o.put("yAxis", Map.of("type", "value"));
        List<Object> s = new ArrayList<>();
        series.forEach((name, values) -> s.add(Map.of("name", name, "type", "bar", "data", values)));
        o.put("series", s);
        o.put("legend", Map.of("top", 24));
        return o;
    }

    /** Lines over x, one series per entry. */
    public static Map<String, Object> lines(String title, List<String> x, Map<String, List<Number>> series) {
        Map<String, Object> o = base(title);
        o.put("xAxis", Map.of("type", "category", "data", x));
        o.put("yAxis", Map.of("type", "value"));
        List<Object> s = new ArrayList<>();
        series.forEach((name, values) -> s.add(Map.of("name", name, "type", "line", "data", values, "connectNulls", true)));
        o.put("series", s);
        o.put("legend", Map.of("top", 24));
        return o;
    }

    /** One point per named item at (x, y): the seeds' ROI-vs-cost chart. */
    public static Map<String, Object> scatter(String title, String xName, String yName, List<String> names, List<Number> xs, List<Number> ys) {
        Map<String, Object> o = base(title);
        o.put("xAxis", Map.of("type", "value", "name", xName, "nameLocation", "middle", "nameGap", 28));
        o.put("yAxis", Map.of("type", "value", "name", yName));
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            points.add(Map.of("name", names.get(i), "value", List.of(xs.get(i), ys.get(i))));
        }
        o.put("series", List.of(Map.of("type", "scatter", "symbolSize", 14, "data", points,
                "label", Map.of("show", true, "formatter", "{b}", "position", "top"))));
        return o;
    }

    /**
     * A forecast: the history as a line, the median as a line, and the 80 % and 95 % intervals as bands (a stacked
     * area over an invisible lower bound, the usual way to draw a band in ECharts).
     */
    public static Map<String, Object> band(String title, List<String> x, List<Number> history, List<Number> p50,
                                           List<Number> lower80, List<Number> upper80, List<Number> lower95, List<Number> upper95, String[] names) {
        Map<String, Object> o = base(title);
        o.put("xAxis", Map.of("type", "category", "data", x, "boundaryGap", false));
        o.put("yAxis", Map.of("type", "value"));
        List<Object> s = new ArrayList<>();
        s.add(bandBase("b95", lower95));
        s.add(bandFill("b95", names[3], difference(upper95, lower95), 0.15));
        s.add(bandBase("b80", lower80));
        s.add(bandFill("b80", names[2], difference(upper80, lower80), 0.3));
        boolean withHistory = history.stream().anyMatch(java.util.Objects::nonNull);
        if (withHistory) {
            s.add(Map.of("name", names[0], "type", "line", "data", history, "symbolSize", 4));
        }
        s.add(Map.of("name", names[1], "type", "line", "data", p50, "lineStyle", Map.of("type", "dashed"), "symbolSize", 6));
        o.put("series", s);
        o.put("legend", Map.of("top", 24, "data", withHistory ? List.of(names[0], names[1], names[2], names[3]) : List.of(names[1], names[2], names[3])));
        return o;
    }

    /** Shares of a whole (intents, sentiment). */
    public static Map<String, Object> pie(String title, Map<String, ? extends Number> shares) {
        Map<String, Object> o = base(title);
        List<Object> data = new ArrayList<>();
        shares.forEach((k, v) -> data.add(Map.of("name", k, "value", v)));
        o.put("series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"), "data", data)));
        o.put("legend", Map.of("bottom", 0));
        return o;
    }

    /**
     * Rates in percent as bars, each with its 95 % interval as a whisker (a boxplot whose box spans the interval and
     * whose middle line is the bar's value): ECharts has no error bar without script, and a boxplot is drawn from data.
     */
    public static Map<String, Object> ratesWithIntervals(String title, String rateName, String intervalName, List<String> categories,
                                                         List<Double> rates, List<Journeys.Interval> intervals) {
        Map<String, Object> o = base(title);
        o.put("tooltip", Map.of("trigger", "item"));
        o.put("xAxis", Map.of("type", "category", "data", categories));
        o.put("yAxis", Map.of("type", "value", "name", "%"));
        List<Object> bars = new ArrayList<>();
        List<Object> whiskers = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            double rate = percent(rates.get(i));
            Journeys.Interval ci = intervals.get(i);
            bars.add(rate);
            double lo = percent(ci.lower());
            double hi = percent(ci.upper());
            whiskers.add(List.of(lo, lo, rate, hi, hi));
        }
        o.put("series", List.of(Map.of("name", rateName, "type", "bar", "data", bars, "barWidth", "40%", "itemStyle", Map.of("opacity", 0.75)),
                Map.of("name", intervalName, "type", "boxplot", "data", whiskers, "boxWidth", List.of(6, 12),
                        "itemStyle", Map.of("color", "rgba(0,0,0,0)", "borderColor", "#1f2933"))));
        o.put("legend", Map.of("top", 24, "data", List.of(rateName, intervalName)));
        return o;
    }

    private static double percent(double share) {
        return Math.round(share * 10000) / 100.0;
    }

    static List<Number> difference(List<Number> upper, List<Number> lower) {
        List<Number> out = new ArrayList<>();
        for (int i = 0; i < upper.size(); i++) {
            Number u = upper.get(i);
            Number l = i < lower.size() ? lower.get(i) : null;
            out.add(u == null || l == null ? null : u.doubleValue() - l.doubleValue());
        }
        return out;
    }

    private static Map<String, Object> bandBase(String stack, List<Number> lower) {
        return Map.of("type", "line", "stack", stack, "data", lower, "lineStyle", Map.of("opacity", 0), "symbol", "none",
                "silent", true, "tooltip", Map.of("show", false));
    }

    private static Map<String, Object> bandFill(String stack, String name, List<Number> width, double opacity) {
        return Map.of("name", name, "type", "line", "stack", stack, "data", width, "lineStyle", Map.of("opacity", 0), "symbol", "none",
                "areaStyle", Map.of("opacity", opacity, "color", "#5470c6"), "color", "#5470c6");
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("grid", Map.of("left", 60, "right", 30, "top", 60, "bottom", 50));
        o.put("animation", false);
        return o;
    }
}
