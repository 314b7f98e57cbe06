package io.wavebench.drivers.modem;

/**
 * Noise power per symbol and carrier, from the pilots' residuals near each cell (DESIGN §4: crowd
 * babble is coloured and comes in syllables). A frame's average noise per carrier weights a soft
 * bit by its carrier's SNR; this also weights it by its moment's: a cell heard under a loud
 * syllable gets a small weight instead of an average one. The LDPC decoder's gain depends on soft
 * bits that say how sure they are; the Viterbi decoder's too.
 *
 * <p>Each pilot's squared residual is averaged over ±{@value #PILOTS} neighbouring pilots
 * (±{@value #PILOTS}·8 carriers) and ±{@value #SYMBOLS} symbols, about 15 residuals, and
 * interpolated between pilots. The map never goes below a quarter of the frame's average for
 * the carrier: a quiet neighbourhood measured by chance must not make a soft bit overconfident.
 */
final class NoiseMap {

    static final int PILOTS = 3;
    static final int SYMBOLS = 2;
    private static final double FLOOR = 0.25;

    private NoiseMap() {
    }

    /**
     * @param zRe     spectra of data symbols 1..n, {@code [symbol-1][c]}, drift removed
     * @param average the frame's noise per carrier
     * @return {@code [symbol-1][c]} noise power
     */
    static double[][] of(CarrierPlan plan, double[][] zRe, double[][] zIm, double[] hr, double[] hi, double[] average) {
        int symbols = zRe.length;
        int[] pilots = plan.pilots;
        double[][] residual = new double[symbols][pilots.length];
        for (int s = 0; s < symbols; s++) {
            for (int i = 0; i < pilots.length; i++) {
                int c = pilots[i];
                double xr = plan.pilotRe(s + 1, c), xi = plan.pilotIm(s + 1, c);
                double er = zRe[s][c] - (hr[c] * xr - hi[c] * xi);
                double ei = zIm[s][c] - (hr[c] * xi + hi[c] * xr);
                residual[s][i] = er * er + ei * ei;
            }
        }
        double[][] map = new double[symbols][plan.carriers];
        double[] local = new double[pilots.length];
        for (int s = 0; s < symbols; s++) {
            for (int i = 0; i < pilots.length; i++) {
                double sum = 0;
                int count = 0;
                for (int t = Math.max(0, s - SYMBOLS); t <= Math.min(symbols - 1, s + SYMBOLS); t++) {
                    for (int j = Math.max(0, i - PILOTS); j <= Math.min(pilots.length - 1, i + PILOTS); j++, count++) sum += residual[t][j];
                }
                local[i] = sum / count;
            }
            for (int i = 0; i + 1 < pilots.length; i++) {
                int a = pilots[i], b = pilots[i + 1];
                for (int c = a; c <= b; c++) {
                    double t = (c - a) / (double) (b - a);
                    map[s][c] = Math.max(FLOOR * average[c], Math.max(1e-20, local[i] * (1 - t) + local[i + 1] * t));
                }
            }
        }
        return map;
    }

    /** Carriers either side over which a data-aided map measures one symbol's loudness against the noise's colour. */
    static final int KNOWN_CARRIERS = 20;
    /** Symbols either side it averages that over: none, a syllable of babble starts and stops within a symbol or two. */
    static final int KNOWN_SYMBOLS = 0;

    /**
     * As {@link #of} when every cell's value is known ({@code known[re|im][symbol-1][c]}, a
     * data-aided pass's decision): from the residual of every cell, not only the pilots', the
     * noise's colour (its average per carrier over the frame) times how loud each symbol is against
     * that colour over ±{@value #KNOWN_CARRIERS} carriers. Robust profile, 3 dB in-band SNR, 100
     * frames (ModemCapacityBench): a plain average over ±4 carriers and ±1 symbol decoded 100 white
     * and 94 babble frames, over ±6 carriers in one symbol 96 and 98, this 100 and 98.
     */
    static double[][] of(CarrierPlan plan, double[][] zRe, double[][] zIm, double[] hr, double[] hi, double[] average,
                         double[][][] known) {
        int symbols = zRe.length, m = plan.carriers;
        double[][] residual = new double[symbols][m];
        for (int s = 0; s < symbols; s++) {
            for (int c = 0; c < m; c++) {
                double xr = known[0][s][c], xi = known[1][s][c];
                double er = zRe[s][c] - (hr[c] * xr - hi[c] * xi);
                double ei = zIm[s][c] - (hr[c] * xi + hi[c] * xr);
                residual[s][c] = er * er + ei * ei;
            }
        }
        // The noise's colour (its average per carrier over the frame), then how loud each symbol
        // is against that colour within ±KNOWN_CARRIERS: a wide window in frequency measures a
        // symbol's loudness well, and dividing by the colour first keeps it from blurring the colour.
        double[] colour = new double[m];
        for (int c = 0; c < m; c++) {
            double sum = 0;
            for (int s = 0; s < symbols; s++) sum += residual[s][c];
            colour[c] = sum / symbols;
        }
        double[] smooth = new double[m];
        for (int c = 0; c < m; c++) {
            double sum = 0;
            int count = 0;
            for (int d = Math.max(0, c - 2); d <= Math.min(m - 1, c + 2); d++, count++) sum += colour[d];
            smooth[c] = Math.max(1e-20, sum / count);
        }
        double[][] map = new double[symbols][m];
        for (int s = 0; s < symbols; s++) {
            for (int c = 0; c < m; c++) {
                double sum = 0;
                int count = 0;
                for (int t = Math.max(0, s - KNOWN_SYMBOLS); t <= Math.min(symbols - 1, s + KNOWN_SYMBOLS); t++) {
                    for (int d = Math.max(0, c - KNOWN_CARRIERS); d <= Math.min(m - 1, c + KNOWN_CARRIERS); d++, count++) sum += residual[t][d] / smooth[d];
                }
                map[s][c] = Math.max(FLOOR * average[c], Math.max(1e-20, smooth[c] * sum / count));
            }
        }
        return map;
    }
}
