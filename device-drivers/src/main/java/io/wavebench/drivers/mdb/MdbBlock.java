package io.wavebench.drivers.mdb;

/**
 * The MDB block layer (MDB 4.2 §2.2): how bytes become bus words and back, and the checksum.
 * A block is at most 36 bytes including its checksum (CHK, the sum of all other bytes modulo 256).
 * The mode bit is asymmetric: the VMC sets it on the first (address) byte of its block; a
 * peripheral sets it on the last byte it sends, the CHK of a data block or a lone ACK/NAK.
 */
public final class MdbBlock {

    /** Acknowledge (MDB 4.2 §2.2). Also the first byte of JUST RESET, hence the mode bit matters. */
    public static final int ACK = 0x00;
    /** Retransmit: only the VMC sends it, asking the peripheral to repeat its last data. */
    public static final int RET = 0xAA;
    /** Negative acknowledge: data not received correctly. Silence for 5 ms counts the same. */
    public static final int NAK = 0xFF;
    /** Longest block, checksum included (MDB 4.2 §2.2). */
    public static final int MAX_LENGTH = 36;

    private MdbBlock() {}

    /** The additive checksum of {@code data[from..to)}: the sum with carries dropped. */
    public static int checksum(byte[] data, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) sum += data[i] & 0xFF;
        return sum & 0xFF;
    }

    public static int checksum(byte[] data) {
        return checksum(data, 0, data.length);
    }

    /** A VMC block: the address byte with the mode bit, the data, then CHK without it. */
    public static int[] vmcWords(byte[] data) {
        requireLength(data, "VMC");
        int[] words = new int[data.length + 1];
        for (int i = 0; i < data.length; i++) words[i] = data[i] & 0xFF;
        words[0] |= MdbTransport.MODE_BIT;
        words[data.length] = checksum(data);
        return words;
    }

    /** A peripheral data block: the data, then CHK with the mode bit (it ends the block). */
    public static int[] peripheralWords(byte[] data) {
        requireLength(data, "peripheral");
        int[] words = new int[data.length + 1];
        for (int i = 0; i < data.length; i++) words[i] = data[i] & 0xFF;
        words[data.length] = checksum(data) | MdbTransport.MODE_BIT;
        return words;
    }

    /** A copy of {@code words} whose CHK is off by one, its mode bit kept: the BAD_CHECKSUM fault (MdbFault). */
    public static int[] withWrongChecksum(int[] words) {
        int[] out = words.clone();
        int last = out[out.length - 1];
        out[out.length - 1] = (last & MdbTransport.MODE_BIT) | ((last + 1) & 0xFF);
        return out;
    }

    public static boolean hasModeBit(int word) {
        return (word & MdbTransport.MODE_BIT) != 0;
    }

    /**
     * Words as hex, mode bits marked with {@code *} the way the spec's session diagrams do:
     * {@code 12* 12} is a POLL to the cashless reader, {@code 00*} an ACK from a peripheral.
     */
    public static String hex(int[] words, int count) {
        StringBuilder sb = new StringBuilder(count * 4);
        for (int i = 0; i < count; i++) {
            if (i > 0) sb.append(' ');
            int b = words[i] & 0xFF;
            sb.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            if (hasModeBit(words[i])) sb.append('*');
        }
        return sb.toString();
    }

    public static String hex(int[] words) {
        return hex(words, words.length);
    }

    private static void requireLength(byte[] data, String side) {
        if (data.length == 0) throw new IllegalArgumentException("an MDB " + side + " block needs at least one byte");
        if (data.length + 1 > MAX_LENGTH) {
            throw new IllegalArgumentException("an MDB " + side + " block is at most " + MAX_LENGTH
                    + " bytes with its checksum (MDB 4.2 §2.2); got " + (data.length + 1));
        }
    }
}
