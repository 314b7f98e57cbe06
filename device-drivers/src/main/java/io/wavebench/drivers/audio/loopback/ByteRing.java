package io.wavebench.drivers.audio.loopback;

/**
 * A fixed-capacity FIFO of bytes. Not thread-safe: the owning cable's lock guards it. Capacity is
 * fixed at creation so nothing grows without bound when nobody reads (DESIGN §7).
 */
final class ByteRing {

    private final byte[] data;
    private int head;
    private int size;

    ByteRing(int capacity) {
        this.data = new byte[capacity];
    }

    int capacity() {
        return data.length;
    }

    int size() {
        return size;
    }

    int free() {
        return data.length - size;
    }

    /** Appends as much of {@code src} as fits; returns how many bytes were taken. */
    int put(byte[] src, int off, int len) {
        int n = Math.min(len, free());
        int tail = (head + size) % data.length;
        int first = Math.min(n, data.length - tail);
        System.arraycopy(src, off, data, tail, first);
        System.arraycopy(src, off + first, data, 0, n - first);
        size += n;
        return n;
    }

    /**
     * Appends all of {@code src}, dropping the oldest bytes to make room; returns how many were
     * dropped. {@code unit} keeps drops aligned to whole frames.
     */
    int putDroppingOldest(byte[] src, int off, int len, int unit) {
        int dropped = 0;
        if (len > data.length) {
            int skip = (len - data.length + unit - 1) / unit * unit;
            dropped += skip;
            off += skip;
            len -= skip;
        }
        int excess = len - free();
        if (excess > 0) {
            int drop = (excess + unit - 1) / unit * unit;
            skip(drop);
            dropped += drop;
        }
        put(src, off, len);
        return dropped;
    }

    /** Removes up to {@code len} bytes into {@code dst}; returns how many. */
    int take(byte[] dst, int off, int len) {
        int n = Math.min(len, size);
        int first = Math.min(n, data.length - head);
        System.arraycopy(data, head, dst, off, first);
        System.arraycopy(data, 0, dst, off + first, n - first);
        skip(n);
        return n;
    }

    void skip(int n) {
        n = Math.min(n, size);
        head = (head + n) % data.length;
        size -= n;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
