package io.wavebench.drivers.modem;

import io.wavebench.drivers.sound.Heard;
import io.wavebench.drivers.sound.HeardListener;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import io.wavebench.drivers.sound.SoundReceiver;
import io.wavebench.drivers.sound.SoundTransmitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * wavebench's own acoustic modem ({@link AcousticModem}, DESIGN §4) as a {@link SoundProtocol}:
 * its profiles are the modes. Listed in {@code META-INF/services} so {@link SoundProtocols} finds
 * it as any other.
 */
public final class WavebenchSoundProtocol implements SoundProtocol {

    @Override
    public String name() {
        return SoundProtocols.DEFAULT;
    }

    @Override
    public String description() {
        return "wavebench's OFDM modem: chirp preamble, QPSK carriers 50 Hz apart, 802.11n LDPC code and CRC-32; up to "
                + AcousticModem.maxPayloadBytes() + " bytes a frame";
    }

    @Override
    public Carries carries() {
        return Carries.OFFLINE_TOKEN;
    }

    @Override
    public List<String> modes() {
        return Arrays.stream(ModemProfile.values()).map(ModemProfile::cliName).toList();
    }

    @Override
    public int maxPayloadBytes(String mode) {
        mode(mode);
        return AcousticModem.maxPayloadBytes();
    }

    @Override
    public SoundTransmitter transmitter(String mode, float sampleRate) {
        AcousticModem modem = AcousticModem.of(profile(mode), sampleRate);
        SoundTransmitter.Band band = new SoundTransmitter.Band(modem.parameters().preambleLowHz(), modem.parameters().preambleHighHz());
        return new SoundTransmitter() {
            @Override
            public String mode() {
                return modem.profile().cliName();
            }

            @Override
            public float sampleRate() {
                return modem.sampleRate();
            }

            @Override
            public float[] modulate(byte[] payload) {
                return modem.modulate(payload);
            }

            @Override
            public double nominalRms() {
                return modem.nominalRms();
            }

            @Override
            public SoundTransmitter.Band band() {
                return band;
            }
        };
    }

    @Override
    public SoundReceiver receiver(Collection<String> modes, float sampleRate, HeardListener listener) {
        if (modes.isEmpty()) throw new IllegalArgumentException("a receiver listens for at least one mode of '" + name() + "'");
        List<AcousticModem> modems = new ArrayList<>();
        for (String mode : modes) modems.add(AcousticModem.of(profile(mode), sampleRate));
        return new ProfileReceivers(modems, listener);
    }

    /** One streaming receiver per profile, each fed every sample, their positions on one clock. */
    private final class ProfileReceivers implements SoundReceiver {
        private final List<StreamingReceiver> receivers = new ArrayList<>();
        private long fed;
        /** Samples fed before the last reset: a profile receiver counts from its own reset. */
        private long base;

        ProfileReceivers(List<AcousticModem> modems, HeardListener listener) {
            for (AcousticModem modem : modems) {
                receivers.add(modem.newReceiver(frame -> listener.onHeard(new Heard(name(), frame.profile().cliName(), frame.payload(),
                        base + frame.startSample(), base + frame.endSample(), frame.correctedSymbols()))));
            }
        }

        @Override
        public void accept(float[] samples, int offset, int length) {
            fed += length;
            for (StreamingReceiver r : receivers) r.accept(samples, offset, length);
        }

        @Override
        public void reset() {
            for (StreamingReceiver r : receivers) r.reset();
            base = fed;
        }

        @Override
        public long samplesFed() {
            return fed;
        }
    }

    private ModemProfile profile(String mode) {
        return ModemProfile.fromCliName(mode(mode));
    }
}
