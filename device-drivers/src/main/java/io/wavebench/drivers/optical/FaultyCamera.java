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
 *   <li><b>blur</b>: a Gaussian blur of every frame (a lens out of focus, a smudge);
 *   <li><b>noise</b>: seeded Gaussian noise on every pixel (a sensor's read noise in poor light).
 * </ul>
 *
 * <p>Each of the first three ({@link FrameFault}) happens to the next N frames, or to each frame
 * with a probability drawn from one seeded {@link Random}: the same seed and the same captures give the same faults. What
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

    /**
     * One kind of frame fault: it hits the next N frames, then each frame with a seeded
     * probability. Settings go through the camera's lock, so they may change while another
     * thread captures.
     */
    public final class FrameFault {
        private final String what;
        private final boolean mayHitEvery;
        private double rate;
        private int next;

        private FrameFault(String what, boolean mayHitEvery) {
            this.what = what;
            this.mayHitEvery = mayHitEvery;
        }

        /** Hits the next {@code n} frames. */
        public FrameFault next(int n) {
            synchronized (FaultyCamera.this) {
                if (n < 0) throw new IllegalArgumentException(FaultyCamera.this + ": " + what + " frames must not be negative: " + n);
                next = n;
            }
            return this;
        }

        /** Hits each frame with probability {@code rate}. */
        public FrameFault rate(double rate) {
            synchronized (FaultyCamera.this) {
                boolean ok = rate >= 0 && (mayHitEvery ? rate <= 1 : rate < 1);
                if (!ok) throw new IllegalArgumentException(FaultyCamera.this + ": " + what + " rate must be in [0, 1" + (mayHitEvery ? "]" : ")") + ": " + rate);
                this.rate = rate;
            }
            return this;
        }

        /** With the camera's lock held: does this fault hit the frame now being captured? */
        private boolean hits() {
            if (next > 0) {
                next--;
                return true;
            }
            return rate > 0 && random.nextDouble() < rate;
        }

        private void clear() {
            rate = 0;
            next = 0;
        }

        @Override
        public String toString() {
            return rate == 0 && next == 0 ? "" : String.format(Locale.ROOT, ", %s %.3f/next %d", what, rate, next);
        }
    }

    /** Dropping more frames in a row than this is a camera that stopped, not a dropped frame. */
    static final int MAX_DROPS_IN_A_ROW = 1000;

    private final Camera inner;
    private final Random random;
    /** A drop rate of 1 would never return a frame. */
    private final FrameFault drop = new FrameFault("dropped", false);
    private final FrameFault freeze = new FrameFault("frozen", true);
    private final FrameFault black = new FrameFault("black", true);

    // All guarded by this.
    private Glare glare;
    private double blurSigmaPx;
    private double noiseSigma;
    private Frame last;
    private long frames;
    private long dropped;
    private long frozen;
    private long blackFrames;

    public FaultyCamera(Camera inner, long seed) {
        this.inner = inner;
        this.random = new Random(seed);
    }

    /** Dropped frames: the caller gets the next one instead. */
    public FrameFault drop() {
        return drop;
    }

    /** Frozen frames: the last frame's pixels again. */
    public FrameFault freeze() {
        return freeze;
    }

    /** Black frames. */
    public FrameFault black() {
        return black;
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

    /** Adds Gaussian noise of {@code sigma} gray levels to every pixel from now on; 0 for none. */
    public synchronized FaultyCamera noise(double sigma) {
        if (!(sigma >= 0 && sigma <= 128)) throw new IllegalArgumentException(this + ": noise sigma must be 0..128 gray levels: " + sigma);
        noiseSigma = sigma;
        return this;
    }

    /** No faults from now on. */
    public synchronized FaultyCamera clean() {
        drop.clear();
        freeze.clear();
        black.clear();
        glare = null;
        blurSigmaPx = 0;
        noiseSigma = 0;
        return this;
    }

    public synchronized Counts counts() {
        return new Counts(frames, dropped, frozen, blackFrames);
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
                if (inARow < MAX_DROPS_IN_A_ROW && drop.hits()) {
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
        if (freeze.hits() && last != null && last.width() == f.width() && last.height() == f.height()) {
            frozen++;
            return new Frame(f.width(), f.height(), last.luma(), f.sequence());
        }
        if (black.hits()) {
            blackFrames++;
            return new Frame(f.width(), f.height(), new byte[f.luma().length], f.sequence());
        }
        if (glare == null && blurSigmaPx == 0 && noiseSigma == 0) return f;
        int w = f.width();
        int h = f.height();
        float[] image = GrayFilters.toFloat(f.luma());
        if (blurSigmaPx > 0) image = GrayFilters.gaussian(image, w, h, blurSigmaPx);
        if (glare != null) addGlare(image, w, h, glare);
        if (noiseSigma > 0) for (int i = 0; i < image.length; i++) image[i] += (float) (noiseSigma * random.nextGaussian());
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
        StringBuilder set = new StringBuilder().append(drop).append(freeze).append(black);
        if (glare != null) set.append(", ").append(glare);
        if (blurSigmaPx > 0) set.append(", blur ").append(blurSigmaPx).append(" px");
        if (noiseSigma > 0) set.append(", noise ").append(noiseSigma);
        return "FaultyCamera[" + inner + (set.length() == 0 ? ", clean" : set) + "]";
    }
}
