package io.wavebench.drivers.ggwave;

import io.wavebench.drivers.sound.Heard;
import io.wavebench.drivers.sound.HeardListener;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundReceiver;
import io.wavebench.drivers.sound.SoundTransmitter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ggwave (its protocols, framing and Reed-Solomon code as ggwave 0.4 defines them) as a
 * {@link SoundProtocol}: its protocols are the modes, named {@code audible-fast},
 * {@code ultrasound-fastest}, {@code dt-normal}…, ggwave's default (audible fast) first. Its messages
 * carry at most 140 bytes, too few for a signed token: what rides on ggwave is the one-time payment
 * code (DESIGN §5.2), verified online.
 */
public final class GgwaveSoundProtocol implements SoundProtocol {

    public static final String NAME = "ggwave";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ggwave 0.4's tones (one of 16 bins a nibble, start and end markers) with its Reed-Solomon code; up to "
                + GgwaveProtocol.MAX_PAYLOAD_BYTES + " bytes a message; carries one-time payment codes";
    }

    @Override
    public Carries carries() {
        return Carries.PAYMENT_CODE;
    }

    @Override
    public List<String> modes() {
        // ggwave's own default first.
        return Stream.concat(Stream.of(GgwaveProtocol.AUDIBLE_FAST), Stream.of(GgwaveProtocol.values()).filter(p -> p != GgwaveProtocol.AUDIBLE_FAST))
                .map(GgwaveSoundProtocol::modeName).toList();
    }

    @Override
    public int maxPayloadBytes(String mode) {
        protocol(mode);
        return GgwaveProtocol.MAX_PAYLOAD_BYTES;
    }

    @Override
    public SoundTransmitter transmitter(String mode, float sampleRate) {
        GgwaveProtocol protocol = protocol(mode);
        GgwaveTransmitter tx = new GgwaveTransmitter(protocol, sampleRate);
        double rms = rms(tx.modulate(TYPICAL_MESSAGE));
        SoundTransmitter.Band band = new SoundTransmitter.Band(protocol.bandLowHz(), protocol.bandHighHz());
        return new SoundTransmitter() {
            @Override
            public String mode() {
                return modeName(protocol);
            }

            @Override
            public float sampleRate() {
                return sampleRate;
            }

            @Override
            public float[] modulate(byte[] payload) {
                return tx.modulate(payload);
            }

            @Override
            public double nominalRms() {
                return rms;
            }

            @Override
            public SoundTransmitter.Band band() {
                return band;
            }
        };
    }

    @Override
    public SoundReceiver receiver(Collection<String> modes, float sampleRate, HeardListener listener) {
        Set<GgwaveProtocol> protocols = EnumSet.noneOf(GgwaveProtocol.class);
        for (String mode : modes) protocols.add(protocol(mode));
        if (protocols.isEmpty()) throw new IllegalArgumentException("a receiver listens for at least one mode of '" + NAME + "'");
        return new Listening(sampleRate, protocols, listener);
    }

    /** ggwave's streaming receiver, made afresh on a reset, its positions kept on one clock. */
    private static final class Listening implements SoundReceiver {
        private final float sampleRate;
        private final Set<GgwaveProtocol> protocols;
        private final HeardListener listener;
        private GgwaveReceiver receiver;
        private long fed;

        Listening(float sampleRate, Set<GgwaveProtocol> protocols, HeardListener listener) {
            this.sampleRate = sampleRate;
            this.protocols = protocols;
            this.listener = listener;
            this.receiver = fresh();
        }

        /** A receiver whose positions count from the samples fed so far. */
        private GgwaveReceiver fresh() {
            long from = fed;
            return new GgwaveReceiver(sampleRate, protocols, m -> listener.onHeard(new Heard(NAME, modeName(m.protocol()), m.payload(),
                    from + m.startSample(), from + m.endSample(), m.correctedBytes())));
        }

        @Override
        public void accept(float[] samples, int offset, int length) {
            fed += length;
            receiver.accept(samples, offset, length);
        }

        @Override
        public void reset() {
            receiver = fresh();
        }

        @Override
        public long samplesFed() {
            return fed;
        }

        @Override
        public void end() {
            receiver.flush();
            reset();
        }
    }

    /** What a nominal level is measured on: a message as long as a payment code, 18 digits. */
    private static final byte[] TYPICAL_MESSAGE = "281234567890123456".getBytes(StandardCharsets.US_ASCII);

    static String modeName(GgwaveProtocol p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private GgwaveProtocol protocol(String mode) {
        String name = mode(mode);
        return GgwaveProtocol.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static double rms(float[] samples) {
        double sum = 0;
        int sounding = 0;
        for (float s : samples) {
            if (s != 0) {
                sum += s * (double) s;
                sounding++;
            }
        }
        return sounding == 0 ? 0 : Math.sqrt(sum / sounding);
    }
}
