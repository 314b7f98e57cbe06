package io.wavebench.drivers.sound;

import java.util.Collection;
import java.util.List;

/**
 * A team's own protocol, as small as one can be, for the plug-in tests: each bit a 10 ms tone at
 * 2 kHz (0) or 3 kHz (1), after a 4 kHz start tone. Not registered in device-drivers' own
 * {@code META-INF/services}: a test adds it as a team would, with a jar holding that one line.
 */
public final class ToneKeyingProtocol implements SoundProtocol {

    static final int BIT_MS = 10;

    @Override
    public String name() {
        return "tone-keying";
    }

    @Override
    public String description() {
        return "a test's own: one 10 ms tone a bit";
    }

    @Override
    public Carries carries() {
        return Carries.PAYMENT_CODE;
    }

    @Override
    public List<String> modes() {
        return List.of("slow");
    }

    @Override
    public int maxPayloadBytes(String mode) {
        return 4;
    }

    @Override
    public SoundTransmitter transmitter(String mode, float sampleRate) {
        mode(mode);
        return new SoundTransmitter() {
            @Override
            public String mode() {
                return "slow";
            }

            @Override
            public float sampleRate() {
                return sampleRate;
            }

            @Override
            public float[] modulate(byte[] payload) {
                int bit = Math.round(sampleRate * BIT_MS / 1000f);
                float[] out = new float[bit * (1 + 8 * payload.length)];
                tone(out, 0, bit, 4000, sampleRate);
                for (int i = 0; i < 8 * payload.length; i++) {
                    boolean one = ((payload[i / 8] >> (7 - i % 8)) & 1) == 1;
                    tone(out, (1 + i) * bit, bit, one ? 3000 : 2000, sampleRate);
                }
                return out;
            }

            @Override
            public double nominalRms() {
                return 0.5 / Math.sqrt(2);
            }

            @Override
            public Band band() {
                return new Band(1500, 4500);
            }
        };
    }

    @Override
    public SoundReceiver receiver(Collection<String> modes, float sampleRate, HeardListener listener) {
        throw new UnsupportedOperationException("the test's protocol only sounds");
    }

    private static void tone(float[] out, int from, int length, double hz, float rate) {
        for (int i = 0; i < length; i++) out[from + i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
}
