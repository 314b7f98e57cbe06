package io.wavebench.drivers.codes;

import io.wavebench.drivers.optical.Frame;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a frame is blown out by glare, told from where it is blown out because the medium is white.
 * Both clip at the top of the range; what differs is around them. A lamp reflected over a code
 * washes the code out with a falloff: around the clipped core the ink is still there but lifted
 * towards white (the light adds to ink and paper alike). White paper or a white page, however
 * bright, ends at ink that is as dark as anywhere (the code) or at a flat edge (the table).
 *
 * <p>The frame is cut into square blocks; each has its darkest and brightest pixel and its share
 * of clipped pixels. A block is <em>blown</em> when 80 % of it clips; <em>washed out</em> when it
 * is bright (brightest ≥ 235), holds an edge (25 levels or more), and the darkest of it and its
 * neighbours is lifted at least 30 % of the way from the frame's ink to its brightest, and no
 * neighbour is flat grey background (there the darkest is the table, not ink). A connected area of washed-out
 * blocks (three or more) that touches blown blocks is a reflection's falloff: it, and the blown
 * areas it touches, are glare. Blown areas that no washed-out code touches are the medium.
 */
record GlareMap(double glareFraction, double blownFraction) {

    static final int CLIPPED = 250;
    static final double BLOWN_SHARE = 0.8;
    static final int BRIGHT = 235;
    static final int EDGE = 25;
    static final double LIFTED = 0.3;
    /** Fewer washed-out blocks together than this are a soft module or two, not a reflection's falloff. */
    static final int MIN_WASHED_BLOCKS = 3;

    static GlareMap of(Frame frame) {
        int w = frame.width(), h = frame.height();
        byte[] luma = frame.luma();
        int block = Math.max(8, Math.min(w, h) / 50);
        int bw = w / block, bh = h / block;
        if (bw < 3 || bh < 3) return new GlareMap(0, 0);
        int[] dark = new int[bw * bh];
        int[] bright = new int[bw * bh];
        boolean[] blown = new boolean[bw * bh];
        int[] darkHistogram = new int[256];
        int blownCount = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int lo = 255, hi = 0, clipped = 0;
                for (int y = by * block; y < (by + 1) * block; y++) {
                    int row = y * w;
                    for (int x = bx * block; x < (bx + 1) * block; x++) {
                        int v = luma[row + x] & 0xFF;
                        if (v < lo) lo = v;
                        if (v > hi) hi = v;
                        if (v >= CLIPPED) clipped++;
                    }
                }
                int b = by * bw + bx;
                dark[b] = lo;
                bright[b] = hi;
                blown[b] = clipped >= BLOWN_SHARE * block * block;
                if (blown[b]) blownCount++;
                darkHistogram[lo]++;
            }
        }
        if (blownCount == 0) return new GlareMap(0, 0);
        int ink = FrameDiagnosis.percentile(darkHistogram, bw * bh, 0.05);
        // The darkest of a block and its eight neighbours: a block that only grazes an edge (the
        // paper's, a module's) has a lifted darkest of its own, but its neighbours hold the dark side.
        int[] darkAround = new int[bw * bh];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int lo = 255;
                for (int ny = Math.max(0, by - 1); ny <= Math.min(bh - 1, by + 1); ny++) {
                    for (int nx = Math.max(0, bx - 1); nx <= Math.min(bw - 1, bx + 1); nx++) lo = Math.min(lo, dark[ny * bw + nx]);
                }
                darkAround[by * bw + bx] = lo;
            }
        }
        boolean[] washed = new boolean[bw * bh];
        for (int b = 0; b < washed.length; b++) {
            washed[b] = !blown[b] && bright[b] >= BRIGHT && bright[b] - dark[b] >= EDGE && darkAround[b] >= ink + LIFTED * (bright[b] - ink)
                    && !besideFlatBackground(b, bw, bh, dark, bright);
        }
        int[] blownArea = label(blown, bw, bh);
        int[] washedArea = label(washed, bw, bh);
        int[] blownSize = sizes(blownArea);
        int[] washedSize = sizes(washedArea);
        boolean[] glaringBlown = new boolean[blownSize.length];
        boolean[] glaringWashed = new boolean[washedSize.length];
        for (int b = 0; b < washedArea.length; b++) {
            int area = washedArea[b];
            if (area == 0 || washedSize[area] < MIN_WASHED_BLOCKS) continue;
            int bx = b % bw, by = b / bw;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = bx + dx, ny = by + dy;
                    if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
                    int touched = blownArea[ny * bw + nx];
                    if (touched != 0) {
                        glaringBlown[touched] = true;
                        glaringWashed[area] = true;
                    }
                }
            }
        }
        int glareBlocks = 0;
        for (int i = 1; i < blownSize.length; i++) if (glaringBlown[i]) glareBlocks += blownSize[i];
        for (int i = 1; i < washedSize.length; i++) if (glaringWashed[i]) glareBlocks += washedSize[i];
        return new GlareMap(glareBlocks / (double) (bw * bh), blownCount / (double) (bw * bh));
    }

    /**
     * Whether a neighbour is flat and not bright (a table, a wall, the phone's frame): a block there
     * is the paper's or the page's edge, whose darkest is the background's grey, not lifted ink.
     */
    private static boolean besideFlatBackground(int b, int bw, int bh, int[] dark, int[] bright) {
        int bx = b % bw, by = b / bw;
        for (int ny = Math.max(0, by - 1); ny <= Math.min(bh - 1, by + 1); ny++) {
            for (int nx = Math.max(0, bx - 1); nx <= Math.min(bw - 1, bx + 1); nx++) {
                int n = ny * bw + nx;
                if (bright[n] < BRIGHT && bright[n] - dark[n] < EDGE) return true;
            }
        }
        return false;
    }

    /** Connected areas (8 neighbours) of the marked blocks, numbered from 1; 0 where unmarked. */
    private static int[] label(boolean[] marked, int bw, int bh) {
        int[] area = new int[marked.length];
        int next = 0;
        Deque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < marked.length; start++) {
            if (!marked[start] || area[start] != 0) continue;
            area[start] = ++next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int b = queue.poll();
                int bx = b % bw, by = b / bw;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = bx + dx, ny = by + dy;
                        if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
                        int n = ny * bw + nx;
                        if (marked[n] && area[n] == 0) {
                            area[n] = next;
                            queue.add(n);
                        }
                    }
                }
            }
        }
        return area;
    }

    /** Blocks in each area, indexed by its number (index 0 unused). */
    private static int[] sizes(int[] area) {
        int max = 0;
        for (int a : area) max = Math.max(max, a);
        int[] size = new int[max + 1];
        for (int a : area) if (a != 0) size[a]++;
        return size;
    }
}
