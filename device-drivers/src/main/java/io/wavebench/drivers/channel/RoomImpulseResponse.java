package io.wavebench.drivers.channel;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic, seeded room impulse response (DESIGN §4: "room impulse response (synthetic,
 * seeded)"): a unit direct path at tap 0, a dozen early reflections in the first 2–25 ms (walls,
 * counter, ceiling near the reader), and a diffuse tail of Gaussian noise under an exponential
 * envelope that loses 60 dB in {@code rt60} seconds, the standard statistical model of late
 * reverberation (Polack). The reverberant part (reflections and tail) is scaled so its energy
 * stands {@code directToReverberantDb} below the direct path's. The response stops where the
 * tail is 60 dB down.
 */
public final class RoomImpulseResponse {

    private final double rt60;
    private final double directToReverberantDb;
    private final float[] taps;

    private RoomImpulseResponse(double rt60, double directToReverberantDb, long seed, double sampleRate) {
        this.rt60 = rt60;
        this.directToReverberantDb = directToReverberantDb;
        int length = Math.max(2, (int) Math.ceil(rt60 * sampleRate));
        double[] reverb = new double[length];
        SplittableRandom r = new SplittableRandom(seed);
        double decay = 3 * Math.log(10) / (rt60 * sampleRate); // amplitude e-folding: 60 dB over rt60
        // Diffuse tail from 5 ms, faded in over 5 ms so it grows out of the early reflections.
        int tailStart = (int) (0.005 * sampleRate);
        int fadeIn = (int) (0.005 * sampleRate);
        for (int i = tailStart; i < length; i++) {
            double fade = Math.min(1, (i - tailStart + 1) / (double) fadeIn);
            reverb[i] = r.nextGaussian() * Math.exp(-decay * i) * fade;
        }
        // Early reflections: sparse, stronger than the tail around them, on the same decay.
        for (int k = 0; k < 12; k++) {
            int at = (int) ((0.002 + 0.023 * r.nextDouble()) * sampleRate);
            if (at >= length) continue;
            reverb[at] += (r.nextBoolean() ? 1 : -1) * (2 + 4 * r.nextDouble()) * Math.exp(-decay * at);
        }
        double energy = 0;
        for (double v : reverb) energy += v * v;
        double scale = Math.sqrt(Math.pow(10, -directToReverberantDb / 10) / energy);
        taps = new float[length];
        for (int i = 0; i < length; i++) taps[i] = (float) (reverb[i] * scale);
        taps[0] += 1f;
    }

    /**
     * @param rt60                  seconds for the late reverberation to fall by 60 dB (0.01..2)
     * @param directToReverberantDb energy of the direct path over that of everything after it
     */
    public static RoomImpulseResponse of(double rt60, double directToReverberantDb, long seed, double sampleRate) {
        if (!(rt60 >= 0.01 && rt60 <= 2)) throw new IllegalArgumentException("RT60 must be 0.01..2 s, got " + rt60);
        if (!Double.isFinite(directToReverberantDb)) {
            throw new IllegalArgumentException("direct-to-reverberant ratio must be finite, got " + directToReverberantDb);
        }
        return new RoomImpulseResponse(rt60, directToReverberantDb, seed, sampleRate);
    }

    /** A copy of the taps (tap 0 is the direct path). */
    public float[] taps() {
        return taps.clone();
    }

    public double rt60() {
        return rt60;
    }

    public double directToReverberantDb() {
        return directToReverberantDb;
    }

    /** Total energy of the response: the factor by which a steady signal's power grows in the room. */
    public double energy() {
        double e = 0;
        for (float t : taps) e += (double) t * t;
        return e;
    }

    StreamingConvolver newConvolver() {
        return new StreamingConvolver(taps);
    }

    public String describe() {
        return String.format(Locale.ROOT, "room RT60 %.2f s (DRR %+.1f dB)", rt60, directToReverberantDb);
    }
}
