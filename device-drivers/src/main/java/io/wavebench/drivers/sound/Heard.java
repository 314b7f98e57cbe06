package io.wavebench.drivers.sound;

/**
 * A message a receiver decoded and whose own check passed (a CRC, an error-correcting code's
 * syndrome). Sample positions count from the first sample the receiver was fed.
 *
 * @param corrections what the protocol's error correction put right (symbols, bytes: the
 *                    protocol's unit), or -1 when it does not say
 */
public record Heard(String protocol, String mode, byte[] payload, long startSample, long endSample, int corrections) {

    public Heard {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
