package io.wavebench.reports;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * A small inline SVG line chart of one figure across runs, oldest at the left, with its limit as
 * a dashed line. Inline SVG keeps the report one self-contained file per page and stays sharp when
 * printed; gaps (NaN) are runs that did not record the figure.
 */
final class SvgChart {

    private static final int W = 640, H = 230, LEFT = 64, RIGHT = 16, TOP = 44, BOTTOM = 44;
    /** At most this many x-axis labels, so they do not overlap on a long history; the last run is always labelled. */
    private static final int MAX_LABELS = 6;

    private SvgChart() {}

    /**
     * @param percent values are fractions shown as percentages (pass rate)
     * @param limit   drawn as a dashed line, or NaN for none
     */
    static String of(String title, double[] values, String unit, double limit, boolean percent) {
        return of(title, values, unit, limit, percent, null);
    }

    /**
     * @param labels each run's x-axis label, {@code "MM-dd HH:mm commit"} ({@link Trends#runLabels}):
     *               the date over the commit; null for the old "oldest run … this run" axis
     */
    static String of(String title, double[] values, String unit, double limit, boolean percent, List<String> labels) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) if (!Double.isNaN(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        if (!Double.isNaN(limit)) { min = Math.min(min, limit); max = Math.max(max, limit); }
        if (percent) { min = 0; max = 1; }
        if (min == Double.POSITIVE_INFINITY) { min = 0; max = 1; }
        if (max == min) { max = min + Math.max(1, Math.abs(min) * 0.1); }
        if (!percent) { // breathing room, but a figure that cannot be negative keeps its axis at or above zero
            double pad = (max - min) * 0.1;
            min = min >= 0 ? Math.max(0, min - pad) : min - pad;
            max += pad;
        }
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        final double lo = min, hi = max;
        DoubleUnaryOperator y = v -> TOP + plotH - plotH * (v - lo) / (hi - lo);
        IntToDoubleFunction x = i -> LEFT + (values.length == 1 ? plotW / 2.0 : plotW * (double) i / (values.length - 1));

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" width=\"").append(W).append("\" height=\"").append(H).append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">");
        svg.append("<title>").append(Html.esc(title)).append("</title>");
        // "figure — scenario (file)": the figure in bold, where it was taken on a line of its own below
        int dash = title.indexOf(" — ");
        svg.append(text(8, 18, dash < 0 ? title : title.substring(0, dash), "start", 13, "600"));
        if (dash >= 0) svg.append(text(8, 34, title.substring(dash + 3), "start", 11, "400"));
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            double py = y.applyAsDouble(v);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(py)).append("\" y2=\"").append(f(py))
                    .append("\" stroke=\"#e6e6e6\"/>");
            svg.append(text(LEFT - 6, py + 4, percent ? String.format(Locale.ROOT, "%.0f %%", v * 100) : Measurement.format(v) + " " + unit, "end", 11, "400"));
        }
        if (labels == null || labels.size() != values.length) {
            svg.append(text(LEFT, H - 8, "oldest run", "start", 11, "400")).append(text(W - RIGHT, H - 8, "this run", "end", 11, "400"));
        } else {
            int step = Math.max(1, (int) Math.ceil(values.length / (double) MAX_LABELS));
            for (int i = 0; i < values.length; i++) {
                boolean last = i == values.length - 1;
                if (i % step != 0 && !last) continue;
                if (!last && values.length - 1 - i < step / 2.0 && i != 0) continue; // would crowd the last label
                String anchor = values.length == 1 ? "middle" : i == 0 ? "start" : last ? "end" : "middle";
                double px = x.applyAsDouble(i);
                String label = labels.get(i);
                int cut = label.lastIndexOf(' ');
                svg.append(text(px, H - 22, cut < 0 ? label : label.substring(0, cut), anchor, 10, "400"));
                if (cut >= 0) svg.append(text(px, H - 9, label.substring(cut + 1), anchor, 10, "400"));
            }
        }
        if (!Double.isNaN(limit)) {
            double py = y.applyAsDouble(limit);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(py)).append("\" y2=\"").append(f(py))
                    .append("\" stroke=\"#b3261e\" stroke-dasharray=\"6 4\"/>");
            svg.append(text(W - RIGHT - 4, py - 4, "limit " + (percent ? Trends.percent(limit) : Measurement.format(limit) + " " + unit), "end", 11, "400"));
        }
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) { pen = false; continue; }
            path.append(pen ? " L" : " M").append(f(x.applyAsDouble(i))).append(' ').append(f(y.applyAsDouble(values[i])));
            pen = true;
        }
        if (path.length() > 0) svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"#0b57d0\" stroke-width=\"2\"/>");
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) continue;
            svg.append("<circle cx=\"").append(f(x.applyAsDouble(i))).append("\" cy=\"").append(f(y.applyAsDouble(values[i]))).append("\" r=\"3.5\" fill=\"#0b57d0\">")
                    .append("<title>").append(labels != null && labels.size() == values.length ? Html.esc(labels.get(i)) : "run " + (i + 1)).append(": ").append(Html.esc(percent ? Trends.percent(values[i]) : Measurement.format(values[i]) + " " + unit))
                    .append("</title></circle>");
        }
        return svg.append("</svg>").toString();
    }

    private static String text(double x, double y, String s, String anchor, int size, String weight) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\" font-weight=\"" + weight
                + "\" font-family=\"system-ui,sans-serif\" fill=\"#1f2328\">" + Html.esc(s) + "</text>";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
