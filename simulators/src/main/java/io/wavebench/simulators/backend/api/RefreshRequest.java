package io.wavebench.simulators.backend.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A phone back online asks for a fresh credential ({@code POST /v1/credentials/refresh}). It
 * presents the credential it holds and proves it holds that credential's device key by signing
 * {@link #signedMessage} with it.
 *
 * @param credential the 128 bytes of DESIGN §5.1 (base64 in JSON)
 * @param signedAt when the phone signed; the backend refuses proofs far from its own clock
 */
public record RefreshRequest(byte[] credential, Instant signedAt, byte[] deviceSignature) {

    private static final byte[] DOMAIN = "wavebench credential refresh v1".getBytes(StandardCharsets.US_ASCII);

    public RefreshRequest {
        if (credential == null) throw new IllegalArgumentException("credential is missing");
        if (signedAt == null) throw new IllegalArgumentException("signedAt is missing");
        if (deviceSignature == null) throw new IllegalArgumentException("deviceSignature is missing");
    }

    /**
     * What the device key signs: a domain string (so no payment token signature can be passed off
     * as a refresh proof), the credential, and the signing time in epoch seconds.
     */
    public static byte[] signedMessage(byte[] credential, Instant signedAt) {
        return ByteBuffer.allocate(DOMAIN.length + credential.length + Long.BYTES)
                .put(DOMAIN).put(credential).putLong(signedAt.getEpochSecond()).array();
    }
}
