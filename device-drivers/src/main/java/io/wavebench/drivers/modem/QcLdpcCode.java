package io.wavebench.drivers.modem;

import java.util.Arrays;

/**
 * One quasi-cyclic LDPC code ({@link LdpcMatrix} lifted by Z): n = 24·Z coded bits, the first k of
 * them the message (systematic), the rest parity.
 *
 * <p><b>Encoding</b> solves H·c = 0 for the parity: with H = [H_s | H_p], the parity is
 * p = H_p⁻¹ · (H_s · s). H_p⁻¹ is found once by Gaussian elimination over GF(2); it is dense but
 * small (at most 972×972 bits), and encoding a codeword costs a few thousand word operations.
 *
 * <p><b>Shortening</b>: a message shorter than k is the first bits of the message part, the rest
 * known zeros that are not sent; the decoder treats them as certain.
 *
 * <p><b>Decoding</b>: layered normalized min-sum (Hocevar 2004, "A reduced complexity decoder
 * architecture via layered decoding of LDPC codes"; Chen and Fossorier 2002 for the normalization):
 * the checks are visited one after another and every variable's belief is updated at once, which
 * converges in about half the iterations of flooding belief propagation. Stops as soon as the hard
 * decision satisfies every check.
 */
final class QcLdpcCode {

    /** Min-sum overestimates check messages; scaling by this brings it within ≈0.1 dB of sum-product. */
    static final float NORMALIZATION = 0.8f;
    /**
     * Iterations without fewer failed checks after which a decode gives up: a frame that will
     * decode keeps shedding failed checks; one that will not wanders, and the receiver has other
     * sound to listen to.
     */
    static final int STALL = 12;
    /** LLR of a shortened (known zero) bit: beyond any channel LLR, finite so sums stay defined. */
    private static final float KNOWN = 1e6f;

    final LdpcMatrix matrix;
    final int z;
    final int n;
    final int k;
    final int m;
    /** checks[row]: the coded-bit indices the check covers. */
    private final int[][] checks;
    /** The same flattened for the decoder: check row's bits are edges[rowStart[row] .. rowStart[row + 1]). */
    private final int[] edges;
    private final int[] rowStart;
    private final int maxDegree;
    /** Rows of H_p⁻¹, m bits each. */
    private final long[][] parityInverse;

    QcLdpcCode(LdpcMatrix matrix, int z) {
        this.matrix = matrix;
        this.z = z;
        int[][] base = matrix.base(z);
        int rows = base.length;
        n = LdpcMatrix.COLUMNS * z;
        m = rows * z;
        k = n - m;
        checks = new int[m][];
        for (int br = 0; br < rows; br++) {
            int degree = 0;
            for (int bc = 0; bc < LdpcMatrix.COLUMNS; bc++) if (base[br][bc] >= 0) degree++;
            for (int r = 0; r < z; r++) {
                int[] vars = new int[degree];
                int j = 0;
                // Row r of block P^s has its 1 in column (r + s) mod Z: the identity shifted right by s.
                for (int bc = 0; bc < LdpcMatrix.COLUMNS; bc++) {
                    if (base[br][bc] >= 0) vars[j++] = bc * z + (r + base[br][bc]) % z;
                }
                checks[br * z + r] = vars;
            }
        }
        rowStart = new int[m + 1];
        int widest = 0;
        for (int row = 0; row < m; row++) {
            rowStart[row + 1] = rowStart[row] + checks[row].length;
            widest = Math.max(widest, checks[row].length);
        }
        maxDegree = widest;
        edges = new int[rowStart[m]];
        for (int row = 0; row < m; row++) System.arraycopy(checks[row], 0, edges, rowStart[row], checks[row].length);
        parityInverse = invertParityPart();
    }

    private long[][] invertParityPart() {
        int words = (m + 63) >>> 6;
        long[][] a = new long[m][words];
        long[][] inv = new long[m][words];
        for (int row = 0; row < m; row++) {
            for (int v : checks[row]) if (v >= k) a[row][(v - k) >>> 6] |= 1L << ((v - k) & 63);
            inv[row][row >>> 6] |= 1L << (row & 63);
        }
        for (int col = 0; col < m; col++) {
            int w = col >>> 6;
            long bit = 1L << (col & 63);
            int pivot = col;
            while (pivot < m && (a[pivot][w] & bit) == 0) pivot++;
            if (pivot == m) throw new IllegalStateException(matrix + " Z=" + z + ": parity part is singular");
            long[] t = a[pivot]; a[pivot] = a[col]; a[col] = t;
            t = inv[pivot]; inv[pivot] = inv[col]; inv[col] = t;
            for (int row = 0; row < m; row++) {
                if (row != col && (a[row][w] & bit) != 0) {
                    for (int i = 0; i < words; i++) {
                        a[row][i] ^= a[col][i];
                        inv[row][i] ^= inv[col][i];
                    }
                }
            }
        }
        return inv;
    }

    /** The n-bit codeword whose first {@code message.length} bits are {@code message} and the rest of the message part zero. */
    byte[] encode(byte[] message) {
        if (message.length > k) throw new IllegalArgumentException(message.length + " message bits do not fit in k = " + k);
        byte[] word = new byte[n];
        System.arraycopy(message, 0, word, 0, message.length);
        long[] syndrome = new long[(m + 63) >>> 6];
        for (int row = 0; row < m; row++) {
            int s = 0;
            for (int v : checks[row]) if (v < k) s ^= word[v];
            if (s != 0) syndrome[row >>> 6] |= 1L << (row & 63);
        }
        for (int i = 0; i < m; i++) {
            long[] r = parityInverse[i];
            int parity = 0;
            for (int w = 0; w < r.length; w++) parity ^= Long.bitCount(r[w] & syndrome[w]);
            word[k + i] = (byte) (parity & 1);
        }
        return word;
    }

    /** Checks of H that {@code word} (n bits, 0/1) fails; 0 for a codeword. */
    int failedChecks(byte[] word) {
        int failed = 0;
        for (int[] check : checks) {
            int s = 0;
            for (int v : check) s ^= word[v];
            failed += s;
        }
        return failed;
    }

    /**
     * Decodes a codeword shortened to {@code messageBits}: {@code llr} holds the sent bits, the
     * first {@code messageBits} message bits then the m parity bits. Returns the hard decision on
     * all n bits (shortened ones 0) after at most {@code maxIterations} layered iterations; with 0
     * iterations, the channel's own hard decision.
     */
    Result decode(float[] llr, int messageBits, int maxIterations) {
        if (llr.length != messageBits + m) {
            throw new IllegalArgumentException("expected " + (messageBits + m) + " soft bits, got " + llr.length);
        }
        float[] belief = new float[n];
        System.arraycopy(llr, 0, belief, 0, messageBits);
        Arrays.fill(belief, messageBits, k, KNOWN);
        System.arraycopy(llr, messageBits, belief, k, m);
        float[] toVariable = new float[edges.length];
        float[] q = new float[maxDegree];
        int iterations = 0;
        int failing = unsatisfied(belief), fewest = failing, sinceFewer = 0;
        while (iterations < maxIterations && failing > 0 && sinceFewer < STALL) {
            for (int row = 0; row < m; row++) {
                int from = rowStart[row], to = rowStart[row + 1];
                float min1 = Float.MAX_VALUE, min2 = Float.MAX_VALUE;
                int minAt = -1;
                boolean odd = false;
                for (int e = from; e < to; e++) {
                    float v = belief[edges[e]] - toVariable[e];
                    q[e - from] = v;
                    odd ^= v < 0;
                    float mag = Math.abs(v);
                    if (mag < min1) {
                        min2 = min1;
                        min1 = mag;
                        minAt = e;
                    } else if (mag < min2) {
                        min2 = mag;
                    }
                }
                float m1 = NORMALIZATION * min1, m2 = NORMALIZATION * min2;
                for (int e = from; e < to; e++) {
                    float v = q[e - from];
                    float mag = e == minAt ? m2 : m1;
                    // The product of the other signs: all signs times this one's.
                    float r = (odd ^ (v < 0)) ? -mag : mag;
                    toVariable[e] = r;
                    belief[edges[e]] = v + r;
                }
            }
            iterations++;
            failing = unsatisfied(belief);
            if (failing < fewest) {
                fewest = failing;
                sinceFewer = 0;
            } else {
                sinceFewer++;
            }
        }
        byte[] hard = new byte[n];
        for (int i = 0; i < n; i++) hard[i] = (byte) (belief[i] < 0 ? 1 : 0);
        return new Result(hard, iterations, failing == 0);
    }

    /** Checks that the hard decision on {@code belief} fails. */
    private int unsatisfied(float[] belief) {
        int failed = 0;
        for (int row = 0; row < m; row++) {
            boolean odd = false;
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) odd ^= belief[edges[e]] < 0;
            if (odd) failed++;
        }
        return failed;
    }

    record Result(byte[] word, int iterations, boolean valid) {
    }

    @Override
    public String toString() {
        return "802.11n LDPC " + matrix + " n=" + n;
    }
}
