package io.wavebench.drivers.channel;

import java.util.Locale;

/**
 * Prints the channel's figures (not a test: timings on a shared machine make poor assertions):
 * cost of the full DESIGN §4 chain as a multiple of real time on one thread, measured in-band SNR
 * against the stated one for every noise bed, and measured RT60 against the stated one.
 */
public final class ChannelFigures {

    private static final int RATE = 48_000;

    public static void main(String[] args) {
        cost();
        snr();
        rt60();
    }

    private static void cost() {
        float[] in = Spectra.tone(3000, 0.2, 20 * RATE, RATE);
        for (NoiseKind kind : NoiseKind.values()) {
            double best = 0;
            for (int round = 0; round < 3; round++) { // first round warms the JIT
                ChannelModel c = ReferenceChannel.builder(kind, 3, 0.2, 1500, 9400, round).roomRt60(0.5).clipAt(0.9).build();
                long t0 = System.nanoTime();
                for (int at = 0; at < in.length; at += 1024) c.process(in, at, Math.min(1024, in.length - at));
                double seconds = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, 20 / seconds);
            }
            System.out.printf(Locale.ROOT, "cost: %-13s speaker, RT60 0.5 s, mic, +200 ppm, clip: %.0f× real time (one thread)%n", kind.label(), best);
        }
    }

    private static void snr() {
        int n = 1 << 18;
        for (NoiseKind kind : NoiseKind.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "in-band SNR (1500–9400 Hz) %-13s stated→measured:", kind.label()));
            for (double snr : new double[] {20, 10, 3, 0}) {
                for (long seed = 1; seed <= 2; seed++) {
                    ChannelModel c = ChannelModel.builder().noise(kind).snrInBandDb(snr, 0.2, 1500, 9400).seed(seed).build();
                    float[] noise = c.process(new float[n], 0, n);
                    double measured = 10 * Math.log10(0.04 / Spectra.bandPower(noise, n, RATE, 1500, 9400));
                    line.append(String.format(Locale.ROOT, " %.0f→%.2f", snr, measured));
                }
            }
            System.out.println(line);
        }
    }

    private static void rt60() {
        for (double rt60 : new double[] {0.1, 0.2, 0.3, 0.5, 0.8}) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "RT60 stated %.2f s, Schroeder T20 over seeds:", rt60));
            for (long seed = 1; seed <= 4; seed++) {
                double m = RoomImpulseResponseTest.rt60FromSchroeder(RoomImpulseResponse.of(rt60, 0, seed, RATE).taps());
                line.append(String.format(Locale.ROOT, " %.3f", m));
            }
            System.out.println(line);
        }
    }
}
