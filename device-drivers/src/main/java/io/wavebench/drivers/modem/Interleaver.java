package io.wavebench.drivers.modem;

/**
 * Spreads the bytes of several Reed-Solomon codewords over the air round-robin (DESIGN §4:
 * "FEC and interleaving"). A burst — a click, a door slam, a few symbols lost to an echo — then
 * costs each codeword a few bytes instead of costing one codeword all of them.
 */
final class Interleaver {

    private final int[] block;
    private final int[] index;

    /** @param blockLengths length of each codeword, in bytes */
    Interleaver(int[] blockLengths) {
        int total = 0, longest = 0;
        for (int len : blockLengths) {
            total += len;
            longest = Math.max(longest, len);
        }
        block = new int[total];
        index = new int[total];
        int j = 0;
        for (int i = 0; i < longest; i++) {
            for (int b = 0; b < blockLengths.length; b++) {
                if (i < blockLengths[b]) {
                    block[j] = b;
                    index[j] = i;
                    j++;
                }
            }
        }
    }

    int length() {
        return block.length;
    }

    byte[] interleave(int[][] codewords) {
        byte[] out = new byte[block.length];
        for (int j = 0; j < out.length; j++) out[j] = (byte) codewords[block[j]][index[j]];
        return out;
    }

    /** Fills {@code codewords} (sized as the block lengths) from the air order. */
    void deinterleave(byte[] air, int[][] codewords) {
        for (int j = 0; j < block.length; j++) codewords[block[j]][index[j]] = air[j] & 0xFF;
    }
}
