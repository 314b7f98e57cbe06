package io.wavebench.drivers.modem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ggwave's loop (STYLE): encode, channel, decode, compare byte for byte, over every profile. */
class ModemLoopTest {

    static Stream<Arguments> trials() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (ModemProfile profile : ModemProfile.values()) {
            for (int size : new int[] {1, 16, 201, 512}) {
                for (long seed = 1; seed <= 3; seed++) {
                    b.add(Arguments.of(profile, size, seed, seed % 2 == 0 ? 100.0 : -100.0));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} bytes seed {2} at {3} ppm")
    @MethodSource("trials")
    void frame_through_noisy_drifting_channel_decodes_exactly_once(ModemProfile profile, int size, long seed, double ppm) {
        AcousticModem modem = AcousticModem.of(profile, 48_000);
        LoopbackTrial trial = new LoopbackTrial(modem, seed);
        trial.ppm = ppm;
        byte[] payload = LoopbackTrial.payload(size, seed);
        List<ReceivedFrame> frames = trial.receive(trial.onAir(modem.modulate(payload)), 4096);
        assertEquals(1, frames.size(), () -> "frames from " + trial.channel().describe());
        assertArrayEquals(payload, frames.get(0).payload());
        assertEquals(profile, frames.get(0).profile());
    }
}
