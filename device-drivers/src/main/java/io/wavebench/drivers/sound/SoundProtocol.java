package io.wavebench.drivers.sound;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A way of carrying bytes in sound (DESIGN §4): what a phone sounds and how a reader hears it, as
 * one plug-in. wavebench's own OFDM modem is one; ggwave is another; a reader team adds theirs
 * with a jar on the class path whose {@code META-INF/services/io.wavebench.drivers.sound.SoundProtocol}
 * names its class ({@link SoundProtocols} finds them with {@link java.util.ServiceLoader}).
 *
 * <p>A protocol has one or more <em>modes</em> (wavebench's profiles robust, fast, ultrasonic;
 * ggwave's audible and ultrasound speeds), each with its band and its speed. Pure, like the modem:
 * samples in, samples out, no audio API and no files (devices and WAV files live at the edge).
 * An implementation must be usable from any thread; transmitters and receivers it makes are used
 * by one thread at a time.
 */
public interface SoundProtocol {

    /** The name a rig file's {@code acoustic.protocol} and {@code --protocol} use: lower case, no spaces. */
    String name();

    /** One line for {@code --help}, the report and {@code rig check}. */
    String description();

    /**
     * What a phone carries in this protocol's sound, and so what a reader does with a message it
     * hears in it: wavebench's signed offline token (DESIGN §5.1, ≈ 201 bytes), or a short one-time
     * payment code that the reader verifies online (DESIGN §5.2's 18 digits), for a protocol whose
     * messages are too short for a token.
     */
    Carries carries();

    /** What rides on a protocol (see {@link #carries()}). */
    enum Carries {
        /** A payment token, verified offline by the reader (DESIGN §5.1). */
        OFFLINE_TOKEN,
        /** An 18-digit one-time payment code as ASCII digits, verified online by the backend (DESIGN §5.2). */
        PAYMENT_CODE
    }

    /** The modes, the default first. */
    List<String> modes();

    default String defaultMode() {
        return modes().get(0);
    }

    /** The longest payload one message of {@code mode} carries. */
    int maxPayloadBytes(String mode);

    /**
     * A transmitter of {@code mode} at {@code sampleRate}.
     *
     * @throws IllegalArgumentException      for a mode the protocol does not have (naming those it has)
     * @throws UnsupportedOperationException for a rate the mode cannot work at (e.g. ultrasound below ≈ 44.1 kHz)
     */
    SoundTransmitter transmitter(String mode, float sampleRate);

    /**
     * Why {@code mode} cannot work at {@code sampleRate} (its band beyond what the rate carries),
     * or empty when it can: what a receiver of a WAV file at that rate leaves out, and says so.
     * This default asks {@link #transmitter}; a protocol may answer without building one.
     */
    default Optional<String> unsupportedAt(String mode, float sampleRate) {
        try {
            transmitter(mode, sampleRate);
            return Optional.empty();
        } catch (UnsupportedOperationException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A streaming receiver listening for every mode in {@code modes} at once, calling
     * {@code listener} for each message it decodes, on the thread that feeds it.
     *
     * @throws IllegalArgumentException      for a mode the protocol does not have
     * @throws UnsupportedOperationException for a rate one of the modes cannot work at
     */
    SoundReceiver receiver(Collection<String> modes, float sampleRate, HeardListener listener);

    /** The mode named so (case-insensitive), or an error naming the protocol's modes. */
    default String mode(String name) {
        for (String m : modes()) if (m.equalsIgnoreCase(name)) return m;
        throw new IllegalArgumentException("sound protocol '" + name() + "' has no mode '" + name + "'; its modes: " + String.join(", ", modes()));
    }
}
