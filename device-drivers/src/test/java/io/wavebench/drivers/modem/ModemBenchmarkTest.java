package io.wavebench.drivers.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.channel.AcousticChannel;
import io.wavebench.drivers.channel.ChannelModel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ModemBenchmarkTest {

    private static final ModemBenchmark.ChannelFactory WHITE = new ModemBenchmark.ChannelFactory() {
        @Override
        public AcousticChannel at(double snrDb, AcousticModem modem, long seed) {
            return ChannelModel.builder().snrDb(snrDb, modem.nominalRms()).clockOffsetPpm(100).seed(seed).build();
        }

        @Override
        public String describe() {
            return "white";
        }
    };

    @Test
    void clean_frames_all_decode_and_drowned_ones_do_not_and_none_is_wrong() {
        AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, 48_000f);
        List<ModemBenchmark.Point> seen = new ArrayList<>();
        ModemBenchmark.Result r = new ModemBenchmark(modem, WHITE, 201, 1).run(new double[] {20, -30}, 3, seen::add);
        assertEquals(2, seen.size(), "progress reported per step");
        assertEquals(3, r.points().get(0).decoded());
        assertEquals(0, r.points().get(1).decoded(), "at -30 dB nothing can decode");
        assertEquals(0, r.wrongFrames());
        assertEquals(OptionalDouble.of(20), r.snrFor99Percent());
        assertEquals(modem.airtimeSeconds(201), r.airtimeSeconds());
        assertTrue(r.realTimeFactor() > 1, "receiver speed measured: " + r.realTimeFactor());
    }

    @Test
    void the_99_percent_point_is_the_lowest_step_with_every_higher_step_passing() {
        ModemBenchmark.Result r = new ModemBenchmark.Result(ModemProfile.ROBUST, 201, 1, List.of(
                new ModemBenchmark.Point(10, 100, 0, 100), new ModemBenchmark.Point(5, 99, 0, 100),
                new ModemBenchmark.Point(0, 98, 0, 100), new ModemBenchmark.Point(-5, 100, 0, 100)), 100, "x");
        assertEquals(OptionalDouble.of(5), r.snrFor99Percent(), "a lucky step below a failing one does not count");
    }
}
