package io.wavebench.drivers.optical;

import java.util.Locale;
import java.util.Random;

/**
 * A fault-injecting decorator any {@link Camera} can wear (DESIGN §3): the simulated camera, a
 * screen capture of a real display. It spoils the frames the inner camera returns the way a faulty
 * camera does:
 *
 * <ul>
 *   <li><b>dropped</b> frames: the frame never reaches the caller, who gets the next one; its
 *       sequence number shows the gap, as a sensor's frame counter does;
 *   <li><b>frozen</b> frames: the previous frame's pixels again under the new sequence number (a
 *       driver handing out a stale buffer);
 *   <li><b>black</b> frames: every pixel 0 (an exposure that failed, a shutter glitch);
 *   <li><b>glare</b>: a bright blob laid over every frame (a lamp mirrored in the phone's glass);
 *   <li><b>blur</b>: a Gaussian blur of every frame (a lens out of focus, a smudge).
 * </ul>
 *
 * <p>Each of the first three happens to the next N frames, or to each frame with a probability drawn
 * from one seeded {@link Random}: the same seed and the same captures give the same faults. What
 * the optics of the simulated scene do (tilt, distance, the model's own glare) is the
 * {@link OpticalModel}'s, not a fault. Faults may be set while another thread captures.
 */
public final class FaultyCamera implements Camera {

    /** What the faults did so far. */
    public record Counts(long frames, long dropped, long frozen, long black) {
        @Override
        public String toString() {
            return frames + " frames, " + dropped + " dropped, " + frozen + " frozen, " + black + " black";
        }
    }

    /** A glare blob: peak brightness added at its centre (0..1 of full white), centre and radius as fractions of the frame's width. */
    public record Glare(double strength, double x, double y, double radius) {
        public Glare {
            if (!(strength > 0 && strength <= 1)) throw new IllegalArgumentException("glare strength must be in (0, 1]: " + strength);
            if (!(radius > 0)) throw new IllegalArgumentException("glare radius must be positive: " + radius);
        }
    }

    /** Dropping more frames in a row than this is a camera that stopped, not a dropped frame. */
    static final int MAX_DROPS_IN_A_ROW = 1000;

    private final Camera inner;
    private final Random random;

    // All guarded by this.
    private double dropRate;
    private double freezeRate;
    private double blackRate;
    private int dropNext;
    private int freezeNext;
    private int blackNext;
    private Glare glare;
    private double blurSigmaPx;
    private Frame last;
    private long frames;
    private long dropped;
    private long frozen;
    private long black;

    public FaultyCamera(Camera inner, long seed) {
        this.inner = inner;
        this.random = new Random(seed);
    }

    /** Drops each frame with probability {@code rate} (0..1, below 1). */
    public synchronized FaultyCamera dropFrames(double rate) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException(this + ": drop rate must be in [0, 1): " + rate);
        dropRate = rate;
        return this;
    }

    /** Drops the next {@code n} frames. */
    public synchronized FaultyCamera dropNext(int n) {
        dropNext = requireCount("frames to drop", n);
        return this;
    }

    /** Repeats the previous frame instead of each new one with probability {@code rate} (0..1). */
    public synchronized FaultyCamera freezeFrames(double rate) {
        freezeRate = requireRate("freeze", rate);
        return this;
    }

    /** The next {@code n} frames repeat the last one returned. */
    public synchronized FaultyCamera freezeNext(int n) {
        freezeNext = requireCount("frames to freeze", n);
        return this;
    }

    /** Makes each frame black with probability {@code rate} (0..1). */
    public synchronized FaultyCamera blackFrames(double rate) {
        blackRate = requireRate("black", rate);
        return this;
    }

    /** The next {@code n} frames are black. */
    public synchronized FaultyCamera blackNext(int n) {
        blackNext = requireCount("black frames", n);
        return this;
    }

    /** Lays {@code glare} over every frame from now on; null for none. */
    public synchronized FaultyCamera glare(Glare glare) {
        this.glare = glare;
        return this;
    }

    /** Blurs every frame with a Gaussian of {@code sigmaPx} pixels from now on; 0 for none. */
    public synchronized FaultyCamera blur(double sigmaPx) {
        if (!(sigmaPx >= 0 && sigmaPx <= 50)) throw new IllegalArgumentException(this + ": blur sigma must be 0..50 px: " + sigmaPx);
        blurSigmaPx = sigmaPx;
        return this;
    }

    /** No faults from now on. */
    public synchronized FaultyCamera clean() {
        dropRate = freezeRate = blackRate = 0;
        dropNext = freezeNext = blackNext = 0;
        glare = null;
        blurSigmaPx = 0;
        return this;
    }

    public synchronized Counts counts() {
        return new Counts(frames, dropped, frozen, black);
    }

    /** The camera under the faults. */
    public Camera inner() {
        return inner;
    }

    @Override
    public Frame capture() {
        for (int inARow = 0; ; inARow++) {
            Frame f = inner.capture();
            synchronized (this) {
                frames++;
                if (inARow < MAX_DROPS_IN_A_ROW && (dropNext > 0 || dropRate > 0 && random.nextDouble() < dropRate)) {
                    if (dropNext > 0) dropNext--;
                    dropped++;
                    continue;
                }
                Frame out = spoil(f);
                last = out;
                return out;
            }
        }
    }

    /** With this held: what the caller gets instead of {@code f}. */
    private Frame spoil(Frame f) {
        boolean freeze = freezeNext > 0 || freezeRate > 0 && random.nextDouble() < freezeRate;
        if (freezeNext > 0) freezeNext--;
        if (freeze && last != null && last.width() == f.width() && last.height() == f.height()) {
            frozen++;
            return new Frame(f.width(), f.height(), last.luma(), f.sequence());
        }
        boolean dark = blackNext > 0 || blackRate > 0 && random.nextDouble() < blackRate;
        if (blackNext > 0) blackNext--;
        if (dark) {
            black++;
            return new Frame(f.width(), f.height(), new byte[f.luma().length], f.sequence());
        }
        if (glare == null && blurSigmaPx == 0) return f;
        int w = f.width();
        int h = f.height();
        float[] image = GrayFilters.toFloat(f.luma());
        if (blurSigmaPx > 0) image = GrayFilters.gaussian(image, w, h, blurSigmaPx);
        if (glare != null) addGlare(image, w, h, glare);
        return new Frame(w, h, GrayFilters.toBytes(image), f.sequence());
    }

    private static void addGlare(float[] image, int w, int h, Glare g) {
        double cx = g.x() * w;
        double cy = g.y() * h;
        double twoSigma2 = 2 * Math.pow(g.radius() * w, 2);
        double peak = g.strength() * 255;
        int reach = (int) Math.ceil(4 * g.radius() * w); // beyond 4 sigma the blob adds nothing visible
        for (int y = Math.max(0, (int) (cy - reach)); y < Math.min(h, (int) (cy + reach) + 1); y++) {
            for (int x = Math.max(0, (int) (cx - reach)); x < Math.min(w, (int) (cx + reach) + 1); x++) {
                double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                image[y * w + x] += (float) (peak * Math.exp(-d2 / twoSigma2));
            }
        }
    }

    private double requireRate(String what, double rate) {
        if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException(this + ": " + what + " rate must be 0..1: " + rate);
        return rate;
    }

    private int requireCount(String what, int n) {
        if (n < 0) throw new IllegalArgumentException(this + ": " + what + " must not be negative: " + n);
        return n;
    }

    @Override
    public int width() {
        return inner.width();
    }

    @Override
    public int height() {
        return inner.height();
    }

    @Override
    public double framesPerSecond() {
        return inner.framesPerSecond();
    }

    @Override
    public String toString() {
        StringBuilder set = new StringBuilder();
        if (dropRate > 0 || dropNext > 0) set.append(String.format(Locale.ROOT, ", drop %.3f/next %d", dropRate, dropNext));
        if (freezeRate > 0 || freezeNext > 0) set.append(String.format(Locale.ROOT, ", freeze %.3f/next %d", freezeRate, freezeNext));
        if (blackRate > 0 || blackNext > 0) set.append(String.format(Locale.ROOT, ", black %.3f/next %d", blackRate, blackNext));
        if (glare != null) set.append(", ").append(glare);
        if (blurSigmaPx > 0) set.append(", blur ").append(blurSigmaPx).append(" px");
        return "FaultyCamera[" + inner + (set.length() == 0 ? ", clean" : set) + "]";
    }
}
