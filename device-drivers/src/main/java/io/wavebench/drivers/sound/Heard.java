package io.wavebench.drivers.sound;

/**
 * A message a receiver decoded and whose own check passed (a CRC, an error-correcting code's
 * syndrome). Sample positions count from the first sample the receiver was fed.
 */
public record Heard(String protocol, String mode, byte[] payload, long startSample, long endSample) {

    public Heard {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
