package io.wavebench.drivers.modem;

/**
 * A frame the receiver demodulated and whose CRC-32 checked. Sample positions count from the
 * first sample the receiver was fed, so a caller can map them to time and to the recording.
 */
public record ReceivedFrame(byte[] payload, ModemProfile profile, long startSample, long endSample, int correctedSymbols) {

    public ReceivedFrame {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
