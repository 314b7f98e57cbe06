package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.sound.Heard;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import io.wavebench.drivers.sound.SoundReceiver;
import io.wavebench.drivers.sound.SoundTransmitter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ggwave through the sound-protocol plug-in (DESIGN §4): found on the class path, its protocols as modes, carrying payment codes. */
class GgwaveSoundProtocolTest {

    private static final byte[] CODE = "281234567890123456".getBytes(StandardCharsets.US_ASCII);

    @Test
    void ggwave_is_on_the_class_path_with_its_protocols_as_modes_and_carries_payment_codes() {
        SoundProtocol ggwave = SoundProtocols.named("ggwave");
        assertEquals("audible-fast", ggwave.defaultMode(), "ggwave's own default protocol first");
        assertEquals(9, ggwave.modes().size(), ggwave.modes().toString());
        assertTrue(ggwave.modes().containsAll(List.of("audible-normal", "audible-fastest", "ultrasound-fast", "dt-normal")), ggwave.modes().toString());
        assertEquals(SoundProtocol.Carries.PAYMENT_CODE, ggwave.carries());
        assertEquals(GgwaveProtocol.MAX_PAYLOAD_BYTES, ggwave.maxPayloadBytes("ultrasound-fastest"));
    }

    @Test
    void through_the_plug_in_the_sound_is_ggwaves_own_transmitter_and_its_band() {
        SoundTransmitter tx = SoundProtocols.named("ggwave").transmitter("ultrasound-fast", 44_100);
        assertArrayEquals(new GgwaveTransmitter(GgwaveProtocol.ULTRASOUND_FAST, 44_100).modulate(CODE), tx.modulate(CODE));
        assertEquals(GgwaveProtocol.ULTRASOUND_FAST.bandLowHz(), tx.band().lowHz());
        assertTrue(tx.nominalRms() > 0 && tx.nominalRms() < 1, "a level to state SNR against: " + tx.nominalRms());
    }

    @Test
    void a_receiver_for_several_modes_hears_each_and_positions_stay_on_one_clock_across_a_reset() {
        SoundProtocol ggwave = SoundProtocols.named("ggwave");
        List<Heard> heard = new ArrayList<>();
        SoundReceiver rx = ggwave.receiver(List.of("audible-fast", "audible-fastest"), 48_000, heard::add);
        float[] fast = ggwave.transmitter("audible-fast", 48_000).modulate(CODE);
        float[] fastest = ggwave.transmitter("audible-fastest", 48_000).modulate(new byte[] {7});
        rx.accept(new float[24_000]);
        rx.accept(fast);
        rx.accept(new float[24_000]);
        rx.reset();
        rx.accept(fastest);
        rx.accept(new float[24_000]);
        rx.end();

        assertEquals(2, heard.size(), heard.toString());
        assertEquals("audible-fast", heard.get(0).mode());
        assertArrayEquals(CODE, heard.get(0).payload());
        assertTrue(Math.abs(heard.get(0).startSample() - 24_000) < 1_000, "where it was put: " + heard.get(0).startSample());
        assertEquals("audible-fastest", heard.get(1).mode());
        long second = 48_000 + fast.length;
        assertTrue(Math.abs(heard.get(1).startSample() - second) < 1_000, "after the reset, on the same clock: " + heard.get(1).startSample() + " vs " + second);
        assertEquals(72_000 + fast.length + fastest.length, rx.samplesFed());
    }

    @Test
    void a_receiver_for_one_mode_takes_nothing_sounded_in_another() {
        SoundProtocol ggwave = SoundProtocols.named("ggwave");
        List<Heard> heard = new ArrayList<>();
        SoundReceiver rx = ggwave.receiver(List.of("ultrasound-fast"), 48_000, heard::add);
        rx.accept(ggwave.transmitter("audible-fast", 48_000).modulate(CODE));
        rx.accept(new float[48_000]);
        rx.end();
        assertEquals(List.of(), heard);
    }
}
