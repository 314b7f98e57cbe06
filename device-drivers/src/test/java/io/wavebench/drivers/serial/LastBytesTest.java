package io.wavebench.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LastBytesTest {

    @Test
    void keeps_the_last_sixteen_bytes_oldest_first() {
        LastBytes last = new LastBytes();
        assertArrayEquals(new byte[0], last.bytes(), "nothing seen yet");
        last.add(new byte[] {9, 1, 2, 9}, 1, 2);
        assertArrayEquals(new byte[] {1, 2}, last.bytes(), "only the given slice");
        byte[] many = new byte[40];
        for (int i = 0; i < many.length; i++) many[i] = (byte) (100 + i);
        last.add(many, 0, 10);
        last.add(many, 10, 30);
        byte[] expected = new byte[LastBytes.SIZE];
        for (int i = 0; i < expected.length; i++) expected[i] = (byte) (100 + 40 - LastBytes.SIZE + i);
        assertArrayEquals(expected, last.bytes(), "wrapped around the ring, oldest first");
    }
}
