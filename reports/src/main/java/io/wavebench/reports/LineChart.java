package io.wavebench.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small line chart as PNG, for figures people would rather look at than read (decode rate
 * against SNR, one line per profile), with optional horizontal target lines.
 */
public final class LineChart {

    /**
     * One line; {@code low} and {@code high}, when given, are each point's interval (a rate's
     * confidence interval, say), drawn as a bar through the point.
     */
    public record Series(String name, double[] x, double[] y, double[] low, double[] high) {
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, null, null);
        }
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)};
    private static final int WIDTH = 760, HEIGHT = 440, LEFT = 72, RIGHT = 24, TOP = 44, BOTTOM = 56;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> guides = new ArrayList<>();
    private final List<String> guideLabels = new ArrayList<>();
    private double yMin = 0;
    private double yMax = 1;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart yRange(double min, double max) {
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    public LineChart add(Series s) {
        if (s.x().length != s.y().length) throw new IllegalArgumentException("series " + s.name() + ": x and y differ in length");
        if ((s.low() == null) != (s.high() == null) || (s.low() != null && (s.low().length != s.x().length || s.high().length != s.x().length))) {
            throw new IllegalArgumentException("series " + s.name() + ": an interval needs a low and a high for every point");
        }
        series.add(s);
        return this;
    }

    /** A dashed horizontal line, e.g. the 99 % target. */
    public LineChart guide(double y, String label) {
        guides.add(new double[] {y});
        guideLabels.add(label);
        return this;
    }

    public byte[] png() {
        double xMin = series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).min().orElse(0);
        double xMax = series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).max().orElse(1);
        if (xMax == xMin) xMax = xMin + 1;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) { // grid and y ticks
            double v = yMin + (yMax - yMin) * i / 5;
            int y = TOP + plotH - (int) Math.round(plotH * i / 5.0);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String tick = String.format("%.0f%%", v * 100);
            g.drawString(tick, LEFT - 6 - g.getFontMetrics().stringWidth(tick), y + 4);
        }
        for (Series s : series) { // x ticks at the data's own x values
            for (double x : s.x()) {
                int px = LEFT + (int) Math.round(plotW * (x - xMin) / (xMax - xMin));
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format("%.0f", x), px - 8, TOP + plotH + 18);
            }
        }
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        for (int i = 0; i < guides.size(); i++) {
            int y = TOP + plotH - (int) Math.round(plotH * (guides.get(i)[0] - yMin) / (yMax - yMin));
            g.setColor(Color.GRAY);
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.drawString(guideLabels.get(i), LEFT + plotW - 8 - g.getFontMetrics().stringWidth(guideLabels.get(i)), y - 4);
        }
        // The frame before the lines, so a point on its edge and its bar stay visible.
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.setStroke(new BasicStroke(2.2f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(PALETTE[k % PALETTE.length]);
            int prevX = -1, prevY = -1;
            // Bars of several series at one x are set a few pixels apart, so each stays visible.
            int barShift = 4 * k - 2 * (series.size() - 1);
            for (int i = 0; i < s.x().length; i++) {
                int px = LEFT + (int) Math.round(plotW * (s.x()[i] - xMin) / (xMax - xMin));
                int py = TOP + plotH - (int) Math.round(plotH * (s.y()[i] - yMin) / (yMax - yMin));
                if (s.low() != null) {
                    int top = TOP + plotH - (int) Math.round(plotH * (s.high()[i] - yMin) / (yMax - yMin));
                    int bottom = TOP + plotH - (int) Math.round(plotH * (s.low()[i] - yMin) / (yMax - yMin));
                    g.setStroke(new BasicStroke(1.2f));
                    g.drawLine(px + barShift, top, px + barShift, bottom);
                    g.drawLine(px + barShift - 3, top, px + barShift + 3, top);
                    g.drawLine(px + barShift - 3, bottom, px + barShift + 3, bottom);
                    g.setStroke(new BasicStroke(2.2f));
                }
                g.fillOval(px - 3, py - 3, 7, 7);
                if (prevX >= 0) g.drawLine(prevX, prevY, px, py);
                prevX = px;
                prevY = py;
            }
            g.drawString(s.name(), LEFT + 12, TOP + 18 + 16 * k);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xLabel, LEFT + plotW / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, HEIGHT - 14);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + plotH / 2) - g.getFontMetrics().stringWidth(yLabel) / 2, 14);
        g.dispose();
        return Png.encode(image);
    }
}
