package io.wavebench.drivers.sound;

import io.wavebench.drivers.channel.AcousticChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Measures one mode of a sound protocol the way DESIGN §6 states its targets: airtime of a
 * payload, messages decoded out of N at each step of an SNR ladder through a channel, and the
 * receiver's speed as a multiple of real time on the calling thread. Every trial is a fresh seeded
 * payload placed at a random offset in a stream, sent through the channel and fed to a streaming
 * receiver in blocks, as a capture line would; a message counts as decoded only if its bytes equal
 * what was sent, and a message with other bytes is counted as wrong (the one figure that must stay
 * zero). Any protocol on the class path is measured the same way, so two can be compared.
 */
public final class SoundBenchmark {

    /** Builds the channel for one trial at one SNR; the benchmark states what it is via {@link #describe}. */
    public interface ChannelFactory {
        /** The channel for a trial at {@code snrDb}, stated against what {@code transmitter} sounds (its level and band). */
        AcousticChannel at(double snrDb, SoundTransmitter transmitter, long seed);

        String describe();
    }

    public record Point(double snrDb, int decoded, int wrong, int trials) {
        public double rate() {
            return trials == 0 ? 0 : decoded / (double) trials;
        }

        /** The decode rate's Wilson score interval at 95 % confidence: what {@code decoded} of {@code trials} says of the true rate. */
        public Interval interval() {
            return Interval.wilson95(decoded, trials);
        }
    }

    /**
     * A proportion's confidence interval. Wilson's score interval (Wilson 1927; Brown, Cai and
     * DasGupta 2001 recommend it for small n) stays inside [0, 1] and is honest at 0 and n
     * successes, where the normal approximation gives a width of zero: 20 of 20 decoded says the
     * rate is at least 83.9 %, and a rate is shown to be ≥ 99 % only by 381 trials without a miss.
     */
    public record Interval(double low, double high) {
        /** z for a two-sided 95 % interval. */
        static final double Z95 = 1.959963984540054;

        public static Interval wilson95(int successes, int trials) {
            if (trials <= 0) return new Interval(0, 1);
            double n = trials, p = successes / n, z2 = Z95 * Z95;
            double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
            return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
        }

        @Override
        public String toString() {
            return String.format("%.1f–%.1f %%", 100 * low, 100 * high);
        }
    }

    public record Result(String protocol, String mode, int payloadBytes, double airtimeSeconds, List<Point> points, double realTimeFactor, String channel) {

        /** The lowest ladder step from which every higher step decodes at least 99 %. */
        public OptionalDouble snrFor99Percent() {
            List<Point> byDescendingSnr = new ArrayList<>(points);
            byDescendingSnr.sort((a, b) -> Double.compare(b.snrDb(), a.snrDb()));
            OptionalDouble lowest = OptionalDouble.empty();
            for (Point p : byDescendingSnr) {
                if (p.rate() < 0.99) break;
                lowest = OptionalDouble.of(p.snrDb());
            }
            return lowest;
        }

        /**
         * The lowest ladder step from which every higher step's 95 % interval lies at or above
         * 99 %: the bar a target is met by (it takes 381 messages a step without a miss).
         */
        public OptionalDouble snrFor99PercentAt95Confidence() {
            List<Point> byDescendingSnr = new ArrayList<>(points);
            byDescendingSnr.sort((a, b) -> Double.compare(b.snrDb(), a.snrDb()));
            OptionalDouble lowest = OptionalDouble.empty();
            for (Point p : byDescendingSnr) {
                if (p.interval().low() < 0.99) break;
                lowest = OptionalDouble.of(p.snrDb());
            }
            return lowest;
        }

        public int wrongMessages() {
            return points.stream().mapToInt(Point::wrong).sum();
        }
    }

    private static final int BLOCK = 1024;

    private final SoundProtocol protocol;
    private final SoundTransmitter transmitter;
    private final ChannelFactory channels;
    private final int payloadBytes;
    private final long seed;

    public SoundBenchmark(SoundProtocol protocol, String mode, float sampleRate, ChannelFactory channels, int payloadBytes, long seed) {
        this.protocol = protocol;
        this.transmitter = protocol.transmitter(mode, sampleRate);
        this.channels = channels;
        this.payloadBytes = payloadBytes;
        this.seed = seed;
        if (payloadBytes < 1 || payloadBytes > protocol.maxPayloadBytes(mode)) {
            throw new IllegalArgumentException(protocol.name() + " " + mode + " carries 1.." + protocol.maxPayloadBytes(mode) + " bytes, not " + payloadBytes);
        }
    }

    /** Time on air of one message of the benchmark's payload size. */
    public double airtimeSeconds() {
        return transmitter.modulate(new byte[payloadBytes]).length / (double) transmitter.sampleRate();
    }

    public Result run(double[] snrLadderDb, int trials, Consumer<Point> progress) {
        List<Point> points = new ArrayList<>();
        long receiverNanos = 0;
        long samplesFed = 0;
        for (double snr : snrLadderDb) {
            int decoded = 0;
            int wrong = 0;
            for (int t = 0; t < trials; t++) {
                long trialSeed = seed * 1_000_003L + Double.doubleToLongBits(snr) * 31 + t;
                Random random = new Random(trialSeed);
                byte[] payload = new byte[payloadBytes];
                random.nextBytes(payload);
                float[] stream = placeInStream(transmitter.modulate(payload), random);
                float[] heard = channels.at(snr, transmitter, trialSeed).process(stream, 0, stream.length);

                List<byte[]> messages = new ArrayList<>();
                SoundReceiver receiver = protocol.receiver(List.of(transmitter.mode()), transmitter.sampleRate(), m -> messages.add(m.payload()));
                long start = System.nanoTime();
                for (int at = 0; at < heard.length; at += BLOCK) receiver.accept(heard, at, Math.min(BLOCK, heard.length - at));
                receiverNanos += System.nanoTime() - start;
                samplesFed += heard.length;

                // One transmission is one message: a trial decodes when the sent bytes came back;
                // any message with other bytes is wrong, and so is the same message reported twice.
                int right = (int) messages.stream().filter(f -> Arrays.equals(f, payload)).count();
                if (right > 0) decoded++;
                wrong += messages.size() - Math.min(right, 1);
            }
            Point point = new Point(snr, decoded, wrong, trials);
            points.add(point);
            progress.accept(point);
        }
        double audioSeconds = samplesFed / (double) transmitter.sampleRate();
        double realTime = receiverNanos == 0 ? Double.POSITIVE_INFINITY : audioSeconds / (receiverNanos / 1e9);
        return new Result(protocol.name(), transmitter.mode(), payloadBytes, airtimeSeconds(), List.copyOf(points), realTime, channels.describe());
    }

    /** 0.2–0.6 s of lead-in and 0.4 s after: the receiver must find the message, not be told where it is. */
    private float[] placeInStream(float[] message, Random random) {
        float rate = transmitter.sampleRate();
        int lead = (int) (rate * (0.2 + 0.4 * random.nextDouble()));
        int tail = (int) (rate * 0.4);
        float[] stream = new float[lead + message.length + tail];
        System.arraycopy(message, 0, stream, lead, message.length);
        return stream;
    }
}
