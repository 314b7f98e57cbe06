package io.wavebench.drivers.mdb;

import java.nio.charset.StandardCharsets;

/** Field helpers shared by the cashless codecs: MSB-first integers and space-padded ASCII (MDB 4.2 §2.4.2). */
final class MdbFields {

    private MdbFields() {}

    static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }

    static int u16(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    static void putU16(byte[] data, int at, int value) {
        data[at] = (byte) (value >> 8);
        data[at + 1] = (byte) value;
    }

    static int requireU8(String field, int value) {
        if (value < 0 || value > 0xFF) throw new IllegalArgumentException(field + " must be 0..0xFF: " + value);
        return value;
    }

    static int requireU16(String field, int value) {
        if (value < 0 || value > 0xFFFF) throw new IllegalArgumentException(field + " must be 0..0xFFFF: " + value);
        return value;
    }

    /** Printable ASCII of at most {@code length} characters; trailing spaces dropped (they are padding). */
    static String requireAscii(String field, String value, int length) {
        if (value == null) throw new IllegalArgumentException(field + " must not be null");
        String v = value.stripTrailing();
        if (v.length() > length) throw new IllegalArgumentException(field + " is at most " + length + " characters: '" + v + "'");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7E) throw new IllegalArgumentException(field + " must be printable ASCII: '" + v + "'");
        }
        return v;
    }

    static void putAscii(byte[] data, int at, String value, int length) {
        for (int i = 0; i < length; i++) data[at + i] = (byte) (i < value.length() ? value.charAt(i) : ' ');
    }

    static String ascii(byte[] data, int at, int length) {
        return new String(data, at, length, StandardCharsets.ISO_8859_1).stripTrailing();
    }
}
