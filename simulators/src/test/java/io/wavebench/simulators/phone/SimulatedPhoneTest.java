package io.wavebench.simulators.phone;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.audio.AudioOut;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

/** What the phone puts on its speaker. */
class SimulatedPhoneTest {

    /** A speaker that keeps what it was given. */
    private static final class Recorder implements AudioOut {
        final List<float[]> played = new ArrayList<>();

        @Override public String mixerName() { return "recorder"; }
        @Override public AudioFormat format() { return new AudioFormat(48_000f, 16, 1, true, false); }
        @Override public void open() {}
        @Override public void play(float[] samples) { played.add(samples.clone()); }
        @Override public void close() {}
    }

    @Test
    void raw_frame_bytes_are_sounded_through_the_phones_modem_at_its_volume() {
        AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, 48_000f);
        Recorder speaker = new Recorder();
        SimulatedPhone phone = new SimulatedPhone("p", new Wallet(key(2)), speaker, modem, Clock.systemUTC());
        phone.start();
        phone.setVolumeDb(-20);
        byte[] frame = {0x57, 0x42, 0x00, 0x01};

        float[] sounded = phone.soundBytes(frame);

        float[] full = modem.modulate(frame);
        assertEquals(1, speaker.played.size());
        assertArrayEquals(sounded, speaker.played.get(0));
        assertEquals(full.length, sounded.length);
        for (int i = 0; i < full.length; i++) assertEquals(full[i] * 0.1f, sounded[i], 1e-6f, "sample " + i + " at -20 dB");
        phone.close();
    }
}
