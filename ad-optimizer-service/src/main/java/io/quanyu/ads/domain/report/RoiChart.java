package io.quanyu.ads.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link RoiReport} as a standalone SVG scatter chart: cost on x, seeds' ROI on y, a dashed line at the mean
 * ROI, kept items (ROI >= mean) in green and the others in red, with axis ticks, labels and a legend. Item names are
 * XML-escaped (characters XML cannot carry are dropped), so any name yields a well-formed document.
 */
public final class RoiChart {

    public static final String KEEP_COLOUR = "#1a9850";
    public static final String DROP_COLOUR = "#d73027";
    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    /** Above this many points, names are left to the tooltips so the chart stays legible. */
    private static final int MAX_LABELLED = 30;

    private RoiChart() {
    }

    public static String render(RoiReport report, String title) {
        List<RoiReport.Row> plotted = report.rows().stream().filter(r -> r.roi() != null).toList();
        double maxCost = plotted.stream().mapToDouble(RoiReport.Row::cost).max().orElse(1);
        double maxRoi = plotted.stream().mapToDouble(RoiReport.Row::roi).max().orElse(1);
        double[] xTicks = ticks(0, maxCost);
        double[] yTicks = ticks(0, Math.max(maxRoi, report.meanRoi() == null ? 0 : report.meanRoi()));
        double xMax = xTicks[xTicks.length - 1];
        double yMax = yTicks[yTicks.length - 1];
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT))
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                        LEFT, escape(title)));
        // Axes and ticks.
        svg.append(String.format(Locale.ROOT, "<g class=\"axes\" stroke=\"#333\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>%n", LEFT, TOP + plotH, LEFT + plotW, TOP + plotH,
                LEFT, TOP, LEFT, TOP + plotH));
        for (double t : xTicks) {
            double x = LEFT + plotW * t / xMax;
            svg.append(String.format(Locale.ROOT, "<g class=\"x-tick\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#333\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text></g>%n", x, TOP + plotH,
                    x, TOP + plotH + 5, x, TOP + plotH + 19, format(t)));
        }
        for (double t : yTicks) {
            double y = TOP + plotH - plotH * t / yMax;
            svg.append(String.format(Locale.ROOT, "<g class=\"y-tick\"><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#333\"/><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text></g>%n", LEFT - 5, y, LEFT, y, LEFT + 1, y,
                    LEFT + plotW, y, LEFT - 8, y + 4, format(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">cost</text>%n",
                LEFT + plotW / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">"
                + "ROI (effect / cost)</text>%n", TOP + plotH / 2, TOP + plotH / 2));
        if (report.meanRoi() != null) {
            double y = TOP + plotH - plotH * report.meanRoi() / yMax;
            svg.append(String.format(Locale.ROOT, "<g class=\"mean\"><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#555\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" "
                    + "fill=\"#555\">mean ROI %s</text></g>%n", LEFT, y, LEFT + plotW, y, LEFT + plotW, y - 5,
                    format(report.meanRoi())));
        }
        boolean labelled = plotted.size() <= MAX_LABELLED;
        for (RoiReport.Row r : plotted) {
            double x = LEFT + plotW * r.cost() / xMax;
            double y = TOP + plotH - plotH * r.roi() / yMax;
            String name = escape(r.label());
            svg.append(String.format(Locale.ROOT, "<g class=\"point %s\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\">"
                    + "<title>%s: cost %s, effect %s, ROI %s</title></circle>", r.keep() ? "keep" : "drop", x, y,
                    r.keep() ? KEEP_COLOUR : DROP_COLOUR, name, format(r.cost()), format(r.effect()), format(r.roi())));
            if (labelled) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text>", x + 7,
                        y - 6, name));
            }
            svg.append("</g>\n");
        }
        svg.append(String.format(Locale.ROOT, "<g class=\"legend\" font-size=\"11\"><circle cx=\"%d\" cy=\"40\" r=\"5\" "
                + "fill=\"%s\"/><text x=\"%d\" y=\"44\">ROI &gt;= mean (kept)</text><circle cx=\"%d\" cy=\"40\" r=\"5\" "
                + "fill=\"%s\"/><text x=\"%d\" y=\"44\">ROI &lt; mean</text></g>%n", WIDTH - 300, KEEP_COLOUR,
                WIDTH - 290, WIDTH - 150, DROP_COLOUR, WIDTH - 140));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Round tick values from 0 covering [lo, hi]: steps of 1, 2 or 5 times a power of ten, about five of them. */
    static double[] ticks(double lo, double hi) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / 5;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / pow <= 1 ? pow : raw / pow <= 2 ? 2 * pow : raw / pow <= 5 ? 5 * pow : 10 * pow;
        List<Double> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            double t = lo + i * step;
            out.add(t);
            if (t >= hi - 1e-12 * step) {
                break;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Escapes the XML specials and drops characters XML 1.0 cannot carry (control characters, lone surrogates). */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if ((c >= 0x20 && c <= 0xD7FF && c != 0x7F) || c == '\t' || c == '\n' || c == '\r'
                            || (c >= 0xE000 && c <= 0xFFFD)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
