package io.wavebench.drivers.serial;

/**
 * The last {@value #SIZE} bytes a link received, for error messages ("last bytes seen";
 * {@link SerialLinkException} prints them as hex).
 * Not thread-safe: each owner calls it under the lock that guards its reads.
 */
final class LastBytes {

    static final int SIZE = 16;

    private final byte[] ring = new byte[SIZE];
    /** Bytes added since the start; a long, so it does not wrap on a long-running link. */
    private long count;

    void add(byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) ring[(int) (count++ % SIZE)] = data[offset + i];
    }

    /** The last bytes, oldest first: at most {@value #SIZE}, none if nothing arrived yet. */
    byte[] bytes() {
        int n = (int) Math.min(count, SIZE);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = ring[(int) ((count - n + i) % SIZE)];
        return out;
    }
}
