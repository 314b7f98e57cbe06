package io.wavebench.drivers.ggwave;

/**
 * A ggwave message the receiver heard and Reed-Solomon decoded. Sample positions count from the
 * first sample the receiver was fed: where the start marker began and the end marker ended.
 */
public record GgwaveMessage(byte[] payload, GgwaveProtocol protocol, long startSample, long endSample, int correctedBytes) {

    public GgwaveMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
