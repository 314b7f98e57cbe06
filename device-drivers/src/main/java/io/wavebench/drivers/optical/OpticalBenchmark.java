package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.Attempt;
import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.codes.Code128Codes;
import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.CodeKind;
import io.wavebench.drivers.codes.CodeSymbol;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.PayloadCheck;
import io.wavebench.drivers.codes.QrCodes;
import io.wavebench.drivers.codes.Rung;
import io.wavebench.drivers.codes.others.OthersCodesBenchmark;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The decode rate by distortion level (DESIGN §5.2): for each level and each code kind,
 * {@code frames} seeded payloads are shown on a {@link SimulatedScreen}, captured once each through
 * a {@link SimulatedCamera} and decoded by {@link CodeDecoder}. A frame counts as decoded only if
 * the value equals what was shown; a value that passed the checks but differs is <b>wrong</b>
 * (must stay 0); {@code refused} counts values ZXing returned that the checks threw out. Only the
 * decode is timed, not the rendering.
 *
 * <p>Then the sets of codes others made ({@link OthersCodesBenchmark}): photographs of qrencode's
 * and zint's codes, read by CodeDecoder and, from the same files, by zbar and zxing-cpp.
 *
 * <p>{@code java ... OpticalBenchmark [--frames N] [--seed S] [--others N] [--sets screen|others|all] [--keep DIR]}; {@code --help}
 */
public final class OpticalBenchmark {

    /** One distortion level: the optical model and the phone's backlight. */
    public record Level(String name, OpticalModel model, double brightness) {
    }

    public record Row(Level level, CodeKind kind, int frames, int decoded, int wrong, int refused, double msPerDecode, double msMax,
                      Map<Rung, Integer> rungs, Map<String, Integer> failures) {
    }

    /** Token types of DESIGN §5.1 (one-way 0x01, 201 bytes; challenged 0x02, 209 bytes), as the reader would check them. */
    static final PayloadCheck TOKEN_SHAPE = PayloadCheck.tokenShape(Set.of(201, 209), Set.of(0x01, 0x02));

    public static List<Level> levels() {
        return List.of(
                new Level("ideal", OpticalModel.ideal(), 1),
                new Level("mild", OpticalModel.mild(), 1),
                new Level("typical", OpticalModel.typical(), 1),
                new Level("tilt 30°", OpticalModel.tilted(30), 1),
                new Level("tilt 45°", OpticalModel.tilted(45), 1),
                new Level("turned 45° in plane", OpticalModel.rotated(45), 1),
                new Level("blur σ 2.5 px", OpticalModel.blurred(2.5), 1),
                new Level("glare 0.6", OpticalModel.glare(0.6), 1),
                new Level("low brightness 15 %", OpticalModel.typical(), 0.15),
                new Level("noise σ 12", OpticalModel.noisy(12), 1),
                new Level("strong glare 1.5", OpticalModel.glare(1.5), 1),
                new Level("heavy blur σ 5 px", OpticalModel.blurred(5), 1),
                // Last, so that adding it left the seeds of the levels above as they were.
                new Level("tilt 30° with glare 0.6", OpticalModel.tilted(30).withGlare(0.6, 0.12, 0.5, 0.5), 1));
    }

    public static List<Row> run(List<Level> levels, int frames, long seed, PrintStream progress) {
        CodeDecoder qr = CodeDecoder.qr(TOKEN_SHAPE);
        CodeDecoder barcode = CodeDecoder.code128(BarcodeCheck.PAYMENT_CODE);
        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            Level level = levels.get(l);
            for (CodeKind kind : CodeKind.values()) {
                rows.add(runOne(level, kind, kind == CodeKind.QR_CODE ? qr : barcode, frames, seed * 7919 + l * 31L + kind.ordinal()));
                if (progress != null) progress.print(".");
            }
        }
        if (progress != null) progress.println();
        return rows;
    }

    private static Row runOne(Level level, CodeKind kind, CodeDecoder decoder, int frames, long seed) {
        SimulatedScreen screen = new SimulatedScreen();
        screen.brightness(level.brightness());
        int decoded = 0, wrong = 0, refused = 0;
        long nanos = 0, maxNanos = 0;
        Map<Rung, Integer> rungs = new EnumMap<>(Rung.class);
        Map<String, Integer> failures = new TreeMap<>();
        Random random = new Random(seed);
        for (int i = 0; i < frames; i++) {
            byte[] shown;
            CodeSymbol symbol;
            if (kind == CodeKind.QR_CODE) {
                shown = randomToken(random);
                symbol = QrCodes.encode(shown);
            } else {
                shown = randomPaymentCode(random).getBytes(StandardCharsets.US_ASCII);
                symbol = Code128Codes.encode(new String(shown, StandardCharsets.US_ASCII));
            }
            screen.showCode(symbol);
            Frame frame = new SimulatedCamera(screen, level.model().withSeed(random.nextLong())).capture();
            long t0 = System.nanoTime();
            DecodeResult result = decoder.decode(frame);
            long took = System.nanoTime() - t0;
            nanos += took;
            maxNanos = Math.max(maxNanos, took);
            refused += (int) result.attempts().stream().filter(a -> a.outcome() == Attempt.Outcome.REFUSED).count();
            if (result instanceof DecodeResult.Decoded d) {
                if (Arrays.equals(d.bytes(), shown)) {
                    decoded++;
                    rungs.merge(d.rung(), 1, Integer::sum);
                } else {
                    wrong++;
                }
            } else if (result instanceof DecodeResult.NotDecoded n) {
                failures.merge(n.reason().name(), 1, Integer::sum);
            }
        }
        return new Row(level, kind, frames, decoded, wrong, refused, nanos / 1e6 / frames, maxNanos / 1e6, rungs, failures);
    }

    /** A token-shaped payload: one-way (201 bytes, type 0x01) three times in four, else challenged (209, 0x02). */
    static byte[] randomToken(Random random) {
        boolean challenged = random.nextInt(4) == 0;
        byte[] token = new byte[challenged ? 209 : 201];
        random.nextBytes(token);
        token[0] = (byte) (challenged ? 0x02 : 0x01);
        return token;
    }

    /** An 18-digit payment code with prefix 28 (DESIGN §5.2). */
    static String randomPaymentCode(Random random) {
        StringBuilder code = new StringBuilder("28");
        while (code.length() < 18) code.append((char) ('0' + random.nextInt(10)));
        return code.toString();
    }

    public static void print(List<Row> rows, PrintStream out) {
        out.println("| level | code | decoded | wrong | refused by checks | ms/decode (max) | rungs that decoded | failures |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            Map<String, Integer> rungs = new LinkedHashMap<>();
            r.rungs().forEach((k, v) -> rungs.put(k.name(), v));
            out.printf(Locale.ROOT, "| %s | %s | %d/%d | %d | %d | %.0f (%.0f) | %s | %s |%n", r.level().name(), r.kind() == CodeKind.QR_CODE ? "QR token" : "Code 128",
                    r.decoded(), r.frames(), r.wrong(), r.refused(), r.msPerDecode(), r.msMax(), brief(rungs), brief(r.failures()));
        }
    }

    private static String brief(Map<String, Integer> counts) {
        if (counts.isEmpty()) return "—";
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return s.toString();
    }

    static final String USAGE = """
            usage: OpticalBenchmark [--frames N] [--seed S] [--others N] [--sets screen|others|all] [--keep DIR]
              --frames N   frames per level and code on the simulated screen (default 20)
              --seed S     seed of every payload, pose and photograph (default 2026)
              --others N   photographs per set of codes others made (qrencode, zint), read by CodeDecoder,
                           zbar and zxing-cpp from the same files (default 30)
              --sets W     screen: the simulated screen's levels only; others: others' codes only; all (default)
              --keep DIR   keep the photographs of others' codes in DIR (else a temporary folder, deleted)""";

    public static void main(String[] args) {
        int frames = 20;
        long seed = 2026;
        int others = 30;
        String sets = "all";
        Path keep = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--others" -> others = Integer.parseInt(args[++i]);
                case "--sets" -> sets = args[++i];
                case "--keep" -> keep = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown " + args[i] + "\n" + USAGE);
            }
        }
        if (!Set.of("screen", "others", "all").contains(sets)) throw new IllegalArgumentException("--sets is screen, others or all: " + sets + "\n" + USAGE);
        long t0 = System.nanoTime();
        int wrong = 0;
        if (!sets.equals("others")) {
            System.out.printf(Locale.ROOT, "%d frames per level and code, seed %d, phone %s, camera %s%n", frames, seed, Display.PHONE, SimulatedCamera.Sensor.READER);
            List<Row> rows = run(levels(), frames, seed, System.err);
            print(rows, System.out);
            wrong += rows.stream().mapToInt(Row::wrong).sum();
        }
        if (!sets.equals("screen") && others > 0) {
            Optional<String> missing = OthersCodesBenchmark.makersMissing();
            System.out.println();
            if (missing.isPresent()) {
                System.out.println("codes others made: skipped, " + missing.get());
            } else {
                System.out.printf(Locale.ROOT, "codes others made: %d photographs per set, seed %d; zbar and zxing-cpp read the same files%n", others, seed);
                List<OthersCodesBenchmark.Row> rows = OthersCodesBenchmark.run(OthersCodesBenchmark.sets(), others, seed, keep, System.err);
                OthersCodesBenchmark.print(rows, System.out);
                wrong += rows.stream().mapToInt(r -> r.wavebench().wrong()).sum();
            }
        }
        System.out.printf(Locale.ROOT, "wrong values: %d; %.0f s%n", wrong, (System.nanoTime() - t0) / 1e9);
        if (wrong > 0) System.exit(1);
    }
}
