package io.wavebench.simulators.token;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the phone makes for each payment with no network (DESIGN §5.1):
 * {@code type u8 | credential 128B | timestamp u32 | counter u32 | [readerChallenge 8B] |
 * deviceSignature 64B}: 201 bytes one-way, 209 with the reader's challenge. The device key from
 * the credential signs everything before the signature.
 */
public record PaymentToken(Type type, Credential credential, long timestamp, long counter, byte[] readerChallenge, byte[] deviceSignature) {

    public static final int CHALLENGE_BYTES = 8;
    public static final int ONE_WAY_BYTES = 1 + Credential.BYTES + 4 + 4 + Ed25519.SIGNATURE_BYTES;
    public static final int TWO_WAY_BYTES = ONE_WAY_BYTES + CHALLENGE_BYTES;

    public enum Type {
        ONE_WAY(0x01),
        CHALLENGED(0x02);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) throws MalformedTokenException {
            for (Type t : values()) if (t.code == code) return t;
            throw new MalformedTokenException(String.format("unknown token type 0x%02x", code));
        }
    }

    public PaymentToken {
        readerChallenge = readerChallenge == null ? null : readerChallenge.clone();
        deviceSignature = deviceSignature.clone();
        if ((type == Type.CHALLENGED) != (readerChallenge != null)) throw new IllegalArgumentException("a challenge is present exactly when the type is CHALLENGED");
        if (readerChallenge != null && readerChallenge.length != CHALLENGE_BYTES) throw new IllegalArgumentException("challenge must be 8 bytes");
        if (deviceSignature.length != Ed25519.SIGNATURE_BYTES) throw new IllegalArgumentException("device signature must be 64 bytes");
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) throw new IllegalArgumentException("timestamp out of u32 range: " + timestamp);
        if (counter < 0 || counter > 0xFFFF_FFFFL) throw new IllegalArgumentException("counter out of u32 range: " + counter);
    }

    /** The bytes the device key signs: everything before the signature. */
    public static byte[] signedPart(Type type, Credential credential, long timestamp, long counter, byte[] challenge) {
        ByteBuffer out = ByteBuffer.allocate(1 + Credential.BYTES + 8 + (challenge == null ? 0 : CHALLENGE_BYTES))
                .put((byte) type.code)
                .put(credential.encode())
                .putInt((int) timestamp)
                .putInt((int) counter);
        if (challenge != null) out.put(challenge);
        return out.array();
    }

    public byte[] signedPart() {
        return signedPart(type, credential, timestamp, counter, readerChallenge);
    }

    public byte[] encode() {
        byte[] signed = signedPart();
        return ByteBuffer.allocate(signed.length + Ed25519.SIGNATURE_BYTES).put(signed).put(deviceSignature).array();
    }

    /** Strict parse: the exact length for the type, a known type and credential version, nothing trailing. */
    public static PaymentToken parse(byte[] bytes) throws MalformedTokenException {
        if (bytes == null || bytes.length == 0) throw new MalformedTokenException("empty token");
        Type type = Type.of(Byte.toUnsignedInt(bytes[0]));
        int expected = type == Type.ONE_WAY ? ONE_WAY_BYTES : TWO_WAY_BYTES;
        if (bytes.length != expected) throw new MalformedTokenException(type + " token must be " + expected + " bytes, got " + bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        Credential credential = Credential.read(in);
        long timestamp = Integer.toUnsignedLong(in.getInt());
        long counter = Integer.toUnsignedLong(in.getInt());
        byte[] challenge = null;
        if (type == Type.CHALLENGED) {
            challenge = new byte[CHALLENGE_BYTES];
            in.get(challenge);
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
        in.get(signature);
        return new PaymentToken(type, credential, timestamp, counter, challenge, signature);
    }

    public Optional<byte[]> challenge() {
        return Optional.ofNullable(readerChallenge).map(byte[]::clone);
    }

    @Override
    public byte[] readerChallenge() {
        return readerChallenge == null ? null : readerChallenge.clone();
    }

    @Override
    public byte[] deviceSignature() {
        return deviceSignature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaymentToken t && Arrays.equals(encode(), t.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "PaymentToken[" + type + ", credential=" + Long.toUnsignedString(credential.credentialId())
                + ", counter=" + counter + ", timestamp=" + timestamp + "]";
    }
}
