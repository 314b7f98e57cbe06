package io.wavebench.drivers.modem;

/**
 * Which carriers of a {@link ModemParameters} band carry what: every {@code pilotSpacing}-th
 * carrier from the lowest, and the highest, is a pilot (a known QPSK value that changes from
 * symbol to symbol); the rest carry data. Also the known values of the training symbol and the
 * pilots, which transmitter and receiver both compute from here.
 *
 * <p>Carriers are numbered {@code c = 0 .. carriers-1} within the band; carrier c is at
 * {@code (firstCarrier + c) · 50} Hz.
 */
final class CarrierPlan {

    private static final double R = Math.sqrt(0.5);

    final ModemParameters p;
    final int carriers;
    final boolean[] pilot;
    /** The band indices of the data carriers, lowest first. */
    final int[] data;
    /** The band indices of the pilots, lowest first. */
    final int[] pilots;
    /** Training symbol, unit magnitude per carrier. */
    final double[] trainingRe;
    final double[] trainingIm;

    CarrierPlan(ModemParameters p) {
        this.p = p;
        carriers = p.carriers();
        pilot = new boolean[carriers];
        int pilotCount = 0;
        for (int c = 0; c < carriers; c++) {
            pilot[c] = c % p.pilotSpacing() == 0 || c == carriers - 1;
            if (pilot[c]) pilotCount++;
        }
        pilots = new int[pilotCount];
        data = new int[carriers - pilotCount];
        for (int c = 0, i = 0, j = 0; c < carriers; c++) {
            if (pilot[c]) pilots[i++] = c;
            else data[j++] = c;
        }
        // Newman phases (π c² / M): a flat spectrum with a low crest factor, so the training
        // symbol is as loud as the data without clipping.
        trainingRe = new double[carriers];
        trainingIm = new double[carriers];
        for (int c = 0; c < carriers; c++) {
            double phase = Math.PI * c * (double) c / carriers;
            trainingRe[c] = Math.cos(phase);
            trainingIm[c] = Math.sin(phase);
        }
    }

    /** Absolute carrier number (Hz / 50) of band index {@code c}. */
    int carrier(int c) {
        return p.firstCarrier() + c;
    }

    int dataPerSymbol() {
        return data.length;
    }

    /** Pilot value on carrier c of data symbol n: ±(1 + j)/√2, pseudo-random so pilots add no tone to the spectrum. */
    double pilotRe(int symbol, int c) {
        return (hash(symbol, c) & 1) == 0 ? R : -R;
    }

    double pilotIm(int symbol, int c) {
        return (hash(symbol, c) & 2) == 0 ? R : -R;
    }

    private static int hash(int symbol, int c) {
        int h = symbol * 0x9E3779B1 + c * 0x85EBCA6B;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        return h ^ (h >>> 13);
    }
}
