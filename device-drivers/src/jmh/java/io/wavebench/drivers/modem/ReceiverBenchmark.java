package io.wavebench.drivers.modem;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The streaming receiver decoding one 201-byte token frame (DESIGN §6 "receiver cost": ≥ 50× real
 * time on one core, streaming), at each profile: the frame with 0.2 s of quiet on either side,
 * fed in the 1024-sample blocks a microphone line delivers. Divide the frame's airtime plus 0.4 s
 * by the time per operation for the real-time factor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReceiverBenchmark {

    private static final float SAMPLE_RATE = 48_000f;
    private static final int BLOCK = 1024;
    private static final int TOKEN_BYTES = 201;

    @Param({"robust", "fast", "ultrasonic"})
    String profile;

    private float[] heard;
    private StreamingReceiver receiver;
    private int frames;

    @Setup
    public void setUp() {
        AcousticModem modem = AcousticModem.of(ModemProfile.fromCliName(profile), SAMPLE_RATE);
        byte[] payload = new byte[TOKEN_BYTES];
        new Random(2026).nextBytes(payload);
        float[] frame = modem.modulate(payload);
        int quiet = Math.round(0.2f * SAMPLE_RATE);
        heard = new float[quiet + frame.length + quiet];
        System.arraycopy(frame, 0, heard, quiet, frame.length);
        receiver = modem.newReceiver(f -> frames++);
        if (decodeOnce() != 1) throw new IllegalStateException(profile + ": the benchmark's frame does not decode, so there is nothing to time");
    }

    /** Frames decoded from one pass over the sound: 1 when the receiver works. */
    @Benchmark
    public int decodeOnce() {
        receiver.reset();
        frames = 0;
        for (int at = 0; at < heard.length; at += BLOCK) receiver.accept(heard, at, Math.min(BLOCK, heard.length - at));
        return frames;
    }
}
