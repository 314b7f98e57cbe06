package io.wavebench.drivers.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.channel.AcousticChannel;
import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SoundBenchmarkTest {

    private static final SoundBenchmark.ChannelFactory WHITE = new SoundBenchmark.ChannelFactory() {
        @Override
        public AcousticChannel at(double snrDb, SoundTransmitter transmitter, long seed) {
            return ChannelModel.builder().snrDb(snrDb, transmitter.nominalRms()).clockOffsetPpm(100).seed(seed).build();
        }

        @Override
        public String describe() {
            return "white";
        }
    };

    @Test
    void clean_messages_all_decode_and_drowned_ones_do_not_and_none_is_wrong() {
        List<SoundBenchmark.Point> seen = new ArrayList<>();
        SoundBenchmark bench = new SoundBenchmark(SoundProtocols.named("wavebench"), "robust", 48_000f, WHITE, 201, 1);
        SoundBenchmark.Result r = bench.run(new double[] {20, -30}, 3, seen::add);
        assertEquals(2, seen.size(), "progress reported per step");
        assertEquals(3, r.points().get(0).decoded());
        assertEquals(0, r.points().get(1).decoded(), "at -30 dB nothing can decode");
        assertEquals(0, r.wrongMessages());
        assertEquals(OptionalDouble.of(20), r.snrFor99Percent());
        assertEquals(AcousticModem.of(ModemProfile.ROBUST, 48_000f).airtimeSeconds(201), r.airtimeSeconds(), 1e-9);
        assertEquals("wavebench", r.protocol());
        assertEquals("robust", r.mode());
        assertTrue(r.realTimeFactor() > 1, "receiver speed measured: " + r.realTimeFactor());
    }

    @Test
    void the_99_percent_point_is_the_lowest_step_with_every_higher_step_passing() {
        SoundBenchmark.Result r = new SoundBenchmark.Result("wavebench", "robust", 201, 1, List.of(
                new SoundBenchmark.Point(10, 100, 0, 100), new SoundBenchmark.Point(5, 99, 0, 100),
                new SoundBenchmark.Point(0, 98, 0, 100), new SoundBenchmark.Point(-5, 100, 0, 100)), 100, "x");
        assertEquals(OptionalDouble.of(5), r.snrFor99Percent(), "a lucky step below a failing one does not count");
    }

    /** Known answers: Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17, its examples for method 3 (the Wilson score interval). */
    @Test
    void the_wilson_interval_gives_newcombes_published_values() {
        double[][] cases = {{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0, 0.1611}, {1, 29, 0.0061, 0.1718}};
        for (double[] c : cases) {
            SoundBenchmark.Interval i = SoundBenchmark.Interval.wilson95((int) c[0], (int) c[1]);
            assertEquals(c[2], i.low(), 5e-5, (int) c[0] + "/" + (int) c[1] + " low");
            assertEquals(c[3], i.high(), 5e-5, (int) c[0] + "/" + (int) c[1] + " high");
        }
    }

    @Test
    void a_rate_is_shown_to_be_at_least_99_percent_by_381_trials_without_a_miss_and_not_by_380() {
        assertEquals(0.8389, SoundBenchmark.Interval.wilson95(20, 20).low(), 5e-5, "20 of 20");
        assertTrue(SoundBenchmark.Interval.wilson95(381, 381).low() >= 0.99);
        assertTrue(SoundBenchmark.Interval.wilson95(380, 380).low() < 0.99);
        SoundBenchmark.Result r = new SoundBenchmark.Result("p", "m", 201, 0.5,
                List.of(new SoundBenchmark.Point(10, 400, 0, 400), new SoundBenchmark.Point(6, 381, 0, 381), new SoundBenchmark.Point(3, 20, 0, 20)), 1, "white");
        assertEquals(OptionalDouble.of(3), r.snrFor99Percent());
        assertEquals(OptionalDouble.of(6), r.snrFor99PercentAt95Confidence(), "20 of 20 is no proof of 99 %");
    }
}
