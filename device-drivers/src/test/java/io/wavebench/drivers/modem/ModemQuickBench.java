package io.wavebench.drivers.modem;

import io.wavebench.drivers.channel.ChannelModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the modem's figures (DESIGN §6: "the benchmark decides, not a timed unit test"): per
 * profile, airtime of a 201-byte token, frames decoded out of the trials through white noise at a stated
 * SNR and a ±ppm clock offset, a small SNR sweep, and the receiver's speed as a multiple of real
 * time on one thread. Not a test: run it by hand after {@code mvn -pl device-drivers test-compile},
 * e.g. {@code java -cp device-drivers/target/classes:device-drivers/target/test-classes:<zxing core jar>
 * io.wavebench.drivers.modem.ModemQuickBench 50 100}, or from the IDE; args: [trials] [ppm].
 */
public final class ModemQuickBench {

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double ppm = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        float rate = 48_000;
        System.out.printf(Locale.ROOT, "wavebench modem quick bench: %d trials, 201-byte payloads, %.0f Hz, ±%.0f ppm, gain -6 dB, white noise (full-band SNR)%n",
                trials, rate, ppm);
        for (ModemProfile profile : ModemProfile.values()) {
            AcousticModem modem = AcousticModem.of(profile, rate);
            ModemParameters p = modem.parameters();
            System.out.printf(Locale.ROOT, "%n%-10s OFDM %d carriers (%d pilots), %.0f-%.0f Hz, symbol %.2f ms (DFT %d + prefix %d samples), frame version %d, %s%n",
                    profile.cliName(), p.carriers(), new CarrierPlan(p).pilots.length, p.preambleLowHz(), p.preambleHighHz(),
                    1000.0 * p.symbolSamples() / rate, p.dftSize(), p.cyclicPrefix(), FrameHeader.VERSION, new FrameLayout(new CarrierPlan(p), 201).code);
            System.out.printf(Locale.ROOT, "  airtime 201 B: %.3f s  (1 B: %.3f s, 512 B: %.3f s)%n",
                    modem.airtimeSeconds(201), modem.airtimeSeconds(1), modem.airtimeSeconds(512));
            for (double snr : new double[] {20, 10, 0, -5, -10}) {
                Result r = run(modem, trials, snr, ppm);
                System.out.printf(Locale.ROOT, "  SNR %5.1f dB: decoded %2d/%d, wrong payloads %d, receiver %.0fx real time%n",
                        snr, r.ok, trials, r.wrong, r.realTime);
            }
        }
    }

    record Result(int ok, int wrong, double realTime) {
    }

    static Result run(AcousticModem modem, int trials, double snr, double ppm) {
        int ok = 0, wrong = 0;
        long nanos = 0, samples = 0;
        for (int t = 0; t < trials; t++) {
            byte[] payload = LoopbackTrial.payload(201, 1000 + t);
            LoopbackTrial trial = new LoopbackTrial(modem, 1000 + t);
            trial.snrDb = snr;
            trial.ppm = (t % 2 == 0 ? 1 : -1) * ppm;
            ChannelModel channel = trial.channel();
            float[] played = trial.onAir(modem.modulate(payload));
            float[] heard = channel.process(played, 0, played.length);
            List<ReceivedFrame> frames = new ArrayList<>();
            StreamingReceiver receiver = modem.newReceiver(frames::add);
            long start = System.nanoTime();
            for (int at = 0; at < heard.length; at += 1024) receiver.accept(heard, at, Math.min(1024, heard.length - at));
            nanos += System.nanoTime() - start;
            samples += heard.length;
            boolean good = false;
            for (ReceivedFrame f : frames) {
                if (Arrays.equals(f.payload(), payload)) good = true;
                else wrong++;
            }
            if (good && frames.size() == 1) ok++;
        }
        double seconds = samples / (double) modem.sampleRate();
        return new Result(ok, wrong, seconds / (nanos / 1e9));
    }
}
