package io.wavebench.simulators.token;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * A credential the issuer signs online and the phone caches (DESIGN §5.1), 128 bytes:
 * {@code version u8 | issuerKeyId u8 | credentialId u64 | accountId u64 | notBefore u32 |
 * notAfter u32 | offlineLimit u32 | currency u16 | devicePublicKey 32B | issuerSignature 64B}.
 * The issuer signs the first 64 bytes. Times are seconds since the epoch; amounts minor units.
 */
public record Credential(
        int version,
        int issuerKeyId,
        long credentialId,
        long accountId,
        long notBefore,
        long notAfter,
        long offlineLimit,
        int currency,
        byte[] devicePublicKey,
        byte[] issuerSignature) {

    public static final int VERSION = 1;
    public static final int SIGNED_BYTES = 64;
    public static final int BYTES = SIGNED_BYTES + Ed25519.SIGNATURE_BYTES;

    public Credential {
        devicePublicKey = devicePublicKey.clone();
        issuerSignature = issuerSignature.clone();
        if (devicePublicKey.length != Ed25519.PUBLIC_KEY_BYTES) throw new IllegalArgumentException("device public key must be 32 bytes");
        if (issuerSignature.length != Ed25519.SIGNATURE_BYTES) throw new IllegalArgumentException("issuer signature must be 64 bytes");
        requireUnsigned("version", version, 0xFF);
        requireUnsigned("issuerKeyId", issuerKeyId, 0xFF);
        requireUnsigned("notBefore", notBefore, 0xFFFF_FFFFL);
        requireUnsigned("notAfter", notAfter, 0xFFFF_FFFFL);
        requireUnsigned("offlineLimit", offlineLimit, 0xFFFF_FFFFL);
        requireUnsigned("currency", currency, 0xFFFF);
    }

    /** The 64 bytes the issuer signs. */
    public byte[] signedPart() {
        return ByteBuffer.allocate(SIGNED_BYTES)
                .put((byte) version)
                .put((byte) issuerKeyId)
                .putLong(credentialId)
                .putLong(accountId)
                .putInt((int) notBefore)
                .putInt((int) notAfter)
                .putInt((int) offlineLimit)
                .putShort((short) currency)
                .put(devicePublicKey)
                .array();
    }

    public byte[] encode() {
        return ByteBuffer.allocate(BYTES).put(signedPart()).put(issuerSignature).array();
    }

    /** Strict: exactly {@link #BYTES} bytes of a known version. */
    public static Credential parse(byte[] bytes) throws MalformedTokenException {
        if (bytes.length != BYTES) throw new MalformedTokenException("credential must be " + BYTES + " bytes, got " + bytes.length);
        return read(ByteBuffer.wrap(bytes));
    }

    static Credential read(ByteBuffer in) throws MalformedTokenException {
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) throw new MalformedTokenException("unknown credential version " + version);
        int keyId = Byte.toUnsignedInt(in.get());
        long credentialId = in.getLong();
        long accountId = in.getLong();
        long notBefore = Integer.toUnsignedLong(in.getInt());
        long notAfter = Integer.toUnsignedLong(in.getInt());
        long limit = Integer.toUnsignedLong(in.getInt());
        int currency = Short.toUnsignedInt(in.getShort());
        byte[] devicePublicKey = new byte[Ed25519.PUBLIC_KEY_BYTES];
        in.get(devicePublicKey);
        byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
        in.get(signature);
        if (notAfter < notBefore) throw new MalformedTokenException("credential window ends before it starts");
        return new Credential(version, keyId, credentialId, accountId, notBefore, notAfter, limit, currency, devicePublicKey, signature);
    }

    public Instant validFrom() {
        return Instant.ofEpochSecond(notBefore);
    }

    public Instant validUntil() {
        return Instant.ofEpochSecond(notAfter);
    }

    /** A copy with another issuer signature: how tests and attackers make forgeries. */
    public Credential withIssuerSignature(byte[] signature) {
        return new Credential(version, issuerKeyId, credentialId, accountId, notBefore, notAfter, offlineLimit, currency, devicePublicKey, signature);
    }

    @Override
    public byte[] devicePublicKey() {
        return devicePublicKey.clone();
    }

    @Override
    public byte[] issuerSignature() {
        return issuerSignature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential c && Arrays.equals(encode(), c.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Credential[id=" + Long.toUnsignedString(credentialId) + ", account=" + Long.toUnsignedString(accountId)
                + ", issuerKey=" + issuerKeyId + ", valid " + validFrom() + ".." + validUntil()
                + ", offlineLimit=" + offlineLimit + ", currency=" + currency + "]";
    }

    private static void requireUnsigned(String field, long value, long max) {
        if (value < 0 || value > max) throw new IllegalArgumentException(field + " out of range 0.." + max + ": " + value);
    }
}
