package io.wavebench.drivers.sound;

/** Bytes to the samples of one message of one mode at one sample rate ({@link SoundProtocol#transmitter}). */
public interface SoundTransmitter {

    String mode();

    float sampleRate();

    /** The samples of a message carrying {@code payload} (1..{@link SoundProtocol#maxPayloadBytes} bytes), peak ≤ 1. */
    float[] modulate(byte[] payload);

    /**
     * RMS of a transmission while it sounds: the level a channel model states its SNR against
     * (DESIGN §4, in-band SNR).
     */
    double nominalRms();

    /** Where the message's energy lies: the band in-band SNR is measured over. */
    Band band();

    /** A frequency band, low to high, in Hz. */
    record Band(double lowHz, double highHz) {
        public Band {
            if (!(lowHz >= 0 && highHz > lowHz)) throw new IllegalArgumentException("band " + lowHz + "–" + highHz + " Hz is empty");
        }
    }
}
