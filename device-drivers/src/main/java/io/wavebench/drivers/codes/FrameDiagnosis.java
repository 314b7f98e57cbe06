package io.wavebench.drivers.codes;

import io.wavebench.drivers.optical.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures of a frame that hint at why a code was not read: how much of it is blown out
 * ({@code saturatedFraction}), how much of that is glare over the code ({@code glareFraction}), how
 * bright and how contrasted it is (a dim screen), how sharp its edges are (blur).
 * White paper or a white page photographed at a full exposure is blown out too, but it is the
 * medium, not glare: {@link GlareMap} tells a lamp's reflection by the washed-out code around it.
 * {@code sharpness} is the 99th percentile of the horizontal and vertical steps between
 * neighbouring pixels over the frame's contrast: a printed edge steps most of the way at once
 * (about 0.5 and up), a defocused one only a little.
 */
public record FrameDiagnosis(double saturatedFraction, double glareFraction, int p5, int p50, int p95, double sharpness) {

    static final double GLARE_FRACTION = 0.01;
    static final int MIN_CONTRAST = 40;
    static final int DARK_P95 = 70;
    static final double BLURRED = 0.18;

    public static FrameDiagnosis of(Frame frame) {
        byte[] luma = frame.luma();
        int w = frame.width();
        int h = frame.height();
        int[] histogram = new int[256];
        int saturated = 0;
        for (byte b : luma) {
            int v = b & 0xFF;
            histogram[v]++;
            if (v >= 250) saturated++;
        }
        int p5 = percentile(histogram, luma.length, 0.05);
        int p50 = percentile(histogram, luma.length, 0.50);
        int p95 = percentile(histogram, luma.length, 0.95);
        int[] steps = new int[256];
        int count = 0;
        for (int y = 0; y < h - 1; y += 2) {
            for (int x = 0; x < w - 1; x += 2) {
                int v = luma[y * w + x] & 0xFF;
                steps[Math.abs(v - (luma[y * w + x + 1] & 0xFF))]++;
                steps[Math.abs(v - (luma[(y + 1) * w + x] & 0xFF))]++;
                count += 2;
            }
        }
        int step99 = percentile(steps, count, 0.99);
        double sharpness = step99 / (double) Math.max(1, p95 - p5);
        return new FrameDiagnosis(saturated / (double) luma.length, GlareMap.of(frame).glareFraction(), p5, p50, p95, sharpness);
    }

    /** The likely culprits, most telling first; "nothing obvious" when the frame looks fine. */
    public String guess() {
        List<String> reasons = new ArrayList<>();
        if (glareFraction >= GLARE_FRACTION) reasons.add(String.format(Locale.ROOT, "glare: %.1f %% of the frame is blown out or washed out over the code", 100 * glareFraction));
        if (p95 < DARK_P95) reasons.add("too dark: 95 % of the frame is below " + p95 + " of 255");
        else if (p95 - p5 < MIN_CONTRAST) reasons.add("low contrast: 5-95 % range is " + p5 + ".." + p95);
        if (sharpness < BLURRED) reasons.add(String.format(Locale.ROOT, "blurred: edge sharpness %.2f", sharpness));
        return reasons.isEmpty() ? "nothing obvious in the frame (code out of view, too small, or damaged)" : String.join("; ", reasons);
    }

    /** The level below which {@code fraction} of a histogram's {@code total} counts lie (also the glare map's and the ladder's). */
    static int percentile(int[] histogram, int total, double fraction) {
        long target = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= target && seen > 0) return i;
        }
        return histogram.length - 1;
    }
}
