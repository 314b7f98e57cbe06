package io.wavebench.drivers.codes;

import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.detector.FinderPattern;
import com.google.zxing.qrcode.detector.FinderPatternFinder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Three QR finder patterns (ISO/IEC 18004:2015 §6.3.3) as {@link Rung#ALIGNED} groups them: their
 * centres in ZXing's order and their module sizes (pixels), from the candidates of ZXing's own
 * row scan, with a looser bound on how much their module sizes may differ than ZXing's selection
 * has (a keystone makes the near one's modules more than 1.4 times the far one's).
 */
record QrFinders(ResultPoint bottomLeft, ResultPoint topLeft, ResultPoint topRight, float moduleTopLeft, float moduleTopRight, float moduleBottomLeft) {

    /**
     * Sizes (modules a side) to sample, nearest to the measured one first: the measured size,
     * then a version either side, then two (a keystone makes the distance over the module
     * size a version off, and a size off by one version gets no readable format).
     */
    List<Integer> dimensions() {
        double across = ResultPoint.distance(topLeft, topRight) / ((moduleTopLeft + moduleTopRight) / 2);
        double down = ResultPoint.distance(topLeft, bottomLeft) / ((moduleTopLeft + moduleBottomLeft) / 2);
        double measured = (across + down) / 2 + 7;
        int nearest = (int) Math.round((measured - 17) / 4) * 4 + 17;
        List<Integer> sizes = new ArrayList<>();
        for (int delta : new int[] {0, 4, -4, 8, -8}) {
            int size = nearest + delta;
            if (size >= 25 && size <= 177) sizes.add(size);
        }
        sizes.sort(Comparator.comparingDouble(size -> Math.abs(size - measured)));
        return sizes;
    }

    /** The same three patterns, each centre within a pixel and a half (found again in another binarization). */
    boolean sameAs(QrFinders other) {
        return ResultPoint.distance(topLeft, other.topLeft) < 1.5 && ResultPoint.distance(topRight, other.topRight) < 1.5
                && ResultPoint.distance(bottomLeft, other.bottomLeft) < 1.5;
    }

    /** Under a keystone the near finder pattern's modules are up to this much larger than the far one's (ZXing allows 1.4). */
    private static final float MAX_MODULE_RATIO = 2.0f;
    /** Finder patterns' centres at least this many of their modules apart: version 1's 14, less a keystone's shrink. */
    private static final float MIN_MODULES_APART = 10;
    /** The best-shaped triples tried, at most. */
    private static final int MAX_TRIPLES = 2;
    /** The most often confirmed candidates grouped into triples, at most (a busy frame has many). */
    private static final int MAX_CANDIDATES = 12;

    /**
     * The finder-pattern triples of a binarized frame, best-shaped first (a right angle at the top
     * left, two equal sides), from every candidate ZXing's row scan confirms.
     */
    static List<QrFinders> in(BitMatrix bits) {
        return triples(candidates(bits));
    }

    /** The finder-pattern candidates of a binarized frame that ZXing's row scan confirms on two rows or more. */
    static List<FinderPattern> candidates(BitMatrix bits) {
        return new FinderScan(bits).scan();
    }

    /** The best-shaped triples of {@code candidates}, at most {@link #MAX_TRIPLES}. */
    static List<QrFinders> triples(List<FinderPattern> candidates) {
        record Triple(QrFinders finders, double misshape) {
        }
        List<Triple> triples = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                for (int k = j + 1; k < candidates.size(); k++) {
                    FinderPattern[] p = {candidates.get(i), candidates.get(j), candidates.get(k)};
                    float small = Math.min(p[0].getEstimatedModuleSize(), Math.min(p[1].getEstimatedModuleSize(), p[2].getEstimatedModuleSize()));
                    float large = Math.max(p[0].getEstimatedModuleSize(), Math.max(p[1].getEstimatedModuleSize(), p[2].getEstimatedModuleSize()));
                    if (large > small * MAX_MODULE_RATIO) continue;
                    ResultPoint.orderBestPatterns(p);
                    FinderPattern bl = p[0], tl = p[1], tr = p[2];
                    double across = ResultPoint.distance(tl, tr), down = ResultPoint.distance(tl, bl), diagonal = ResultPoint.distance(tr, bl);
                    if (across < MIN_MODULES_APART * large || down < MIN_MODULES_APART * large) continue;
                    // 0 for an isosceles right triangle; a keystone and a turn make it a few tenths.
                    double misshape = Math.abs(across - down) / Math.max(across, down) + Math.abs(diagonal - Math.hypot(across, down)) / diagonal;
                    if (misshape > 0.5) continue;
                    triples.add(new Triple(new QrFinders(bl, tl, tr, tl.getEstimatedModuleSize(), tr.getEstimatedModuleSize(), bl.getEstimatedModuleSize()), misshape));
                }
            }
        }
        triples.sort(Comparator.comparingDouble(Triple::misshape));
        return triples.stream().limit(MAX_TRIPLES).map(Triple::finders).toList();
    }

    /**
     * ZXing's finder-pattern row scan (1:1:3:1:1 runs, then its vertical, horizontal and diagonal
     * cross-checks), on every row, keeping every candidate: ZXing's own {@code find} then chooses
     * three whose module sizes are within 40 % of each other, which a keystone's are not.
     */
    private static final class FinderScan extends FinderPatternFinder {

        FinderScan(BitMatrix image) {
            super(image);
        }

        List<FinderPattern> scan() {
            BitMatrix image = getImage();
            int width = image.getWidth();
            int[] counts = new int[5];
            for (int y = 0; y < image.getHeight(); y++) {
                doClearCounts(counts);
                int state = 0;
                for (int x = 0; x < width; x++) {
                    if (image.get(x, y)) {
                        if ((state & 1) == 1) state++;
                        counts[state]++;
                    } else if ((state & 1) == 1) {
                        counts[state]++;
                    } else if (state < 4) {
                        counts[++state]++;
                    } else if (foundPatternCross(counts) && handlePossibleCenter(counts, y, x)) {
                        state = 0;
                        doClearCounts(counts);
                    } else {
                        doShiftCounts2(counts);
                        state = 3;
                    }
                }
                if (foundPatternCross(counts)) handlePossibleCenter(counts, y, width);
            }
            // A real finder pattern is confirmed on several rows; one seen once is data that looks like one.
            return getPossibleCenters().stream().filter(p -> p.getCount() >= 2)
                    .sorted(Comparator.comparingInt(FinderPattern::getCount).reversed()).limit(MAX_CANDIDATES).toList();
        }
    }
}
