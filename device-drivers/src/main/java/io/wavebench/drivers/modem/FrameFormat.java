package io.wavebench.drivers.modem;

import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonDecoder;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import com.google.zxing.common.reedsolomon.ReedSolomonException;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The payload part of a frame (DESIGN §4): {@code payload | CRC-32(payload) u32 big-endian}, cut
 * into Reed-Solomon codewords over GF(256) (ZXing, QR field; at most 255 bytes each, parity
 * {@code parityRatio} of the data, at least 4), interleaved across codewords. The CRC is checked
 * after RS decoding: RS can "correct" a hopeless word into a wrong one, and a wrong payment token
 * must never be reported.
 *
 * <p>Parity ratio 0 (frame version 3, whose LDPC code corrects what RS would) leaves RS out: the
 * payload and its CRC-32 only.
 *
 * <p>The layout depends only on the payload length and the profile's parity ratio, so the
 * receiver rebuilds it from the header.
 */
final class FrameFormat {

    /** Longest payload a frame carries; bounds the receiver's memory. */
    static final int MAX_PAYLOAD = 1024;
    static final int CRC_BYTES = 4;
    private static final int MAX_CODEWORD = 255;
    private static final int MIN_PARITY = 4;

    private final int payloadLength;
    private final int[] dataLengths;
    private final int parity;
    private final Interleaver interleaver;

    FrameFormat(int payloadLength, double parityRatio) {
        if (payloadLength < 1 || payloadLength > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payloadLength + " bytes is outside 1.." + MAX_PAYLOAD);
        }
        this.payloadLength = payloadLength;
        int data = payloadLength + CRC_BYTES;
        int blocks = 1;
        while (true) {
            if (parityRatio == 0) { // no Reed-Solomon: one block of payload and CRC-32, any length
                parity = 0;
                break;
            }
            int k = (data + blocks - 1) / blocks;
            int p = parityFor(k, parityRatio);
            if (k + p <= MAX_CODEWORD) {
                parity = p;
                break;
            }
            blocks++;
        }
        dataLengths = new int[blocks];
        int[] codewordLengths = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            dataLengths[b] = data / blocks + (b < data % blocks ? 1 : 0);
            codewordLengths[b] = dataLengths[b] + parity;
        }
        interleaver = new Interleaver(codewordLengths);
    }

    private static int parityFor(int dataBytes, double ratio) {
        int p = (int) Math.ceil(dataBytes * ratio);
        p += p & 1; // even: RS corrects parity/2 byte errors
        return Math.max(MIN_PARITY, p);
    }

    /** Bytes on the air for this payload length. */
    int codedLength() {
        return interleaver.length();
    }

    int blocks() {
        return dataLengths.length;
    }

    int parityPerBlock() {
        return parity;
    }

    byte[] encode(byte[] payload) {
        if (payload.length != payloadLength) {
            throw new IllegalArgumentException("format is for " + payloadLength + " bytes, got " + payload.length);
        }
        byte[] data = withCrc(payload);
        ReedSolomonEncoder encoder = new ReedSolomonEncoder(GenericGF.QR_CODE_FIELD_256);
        int[][] codewords = new int[dataLengths.length][];
        int at = 0;
        for (int b = 0; b < codewords.length; b++) {
            codewords[b] = new int[dataLengths[b] + parity];
            for (int i = 0; i < dataLengths[b]; i++) codewords[b][i] = data[at++] & 0xFF;
            if (parity > 0) encoder.encode(codewords[b], parity);
        }
        return interleaver.interleave(codewords);
    }

    /** The decoded payload and how many bytes RS corrected, or null if RS or the CRC-32 fails. */
    Decoded decode(byte[] air) {
        int[][] codewords = new int[dataLengths.length][];
        for (int b = 0; b < codewords.length; b++) codewords[b] = new int[dataLengths[b] + parity];
        interleaver.deinterleave(air, codewords);
        ReedSolomonDecoder decoder = new ReedSolomonDecoder(GenericGF.QR_CODE_FIELD_256);
        int corrected = 0;
        byte[] data = new byte[payloadLength + CRC_BYTES];
        int at = 0;
        for (int b = 0; b < codewords.length; b++) {
            try {
                if (parity > 0) corrected += decoder.decodeWithECCount(codewords[b], parity);
            } catch (ReedSolomonException | RuntimeException e) {
                return null;
            }
            for (int i = 0; i < dataLengths[b]; i++) data[at++] = (byte) codewords[b][i];
        }
        byte[] payload = Arrays.copyOf(data, payloadLength);
        long crc = ((data[payloadLength] & 0xFFL) << 24) | ((data[payloadLength + 1] & 0xFFL) << 16)
                | ((data[payloadLength + 2] & 0xFFL) << 8) | (data[payloadLength + 3] & 0xFFL);
        return crc32(payload) == crc ? new Decoded(payload, corrected) : null;
    }

    record Decoded(byte[] payload, int correctedSymbols) {
    }

    private static byte[] withCrc(byte[] payload) {
        byte[] data = Arrays.copyOf(payload, payload.length + CRC_BYTES);
        long crc = crc32(payload);
        for (int i = 0; i < CRC_BYTES; i++) data[payload.length + i] = (byte) (crc >>> (24 - 8 * i));
        return data;
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
