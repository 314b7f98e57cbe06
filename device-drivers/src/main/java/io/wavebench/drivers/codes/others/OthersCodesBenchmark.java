package io.wavebench.drivers.codes.others;

import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.CodeKind;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.PayloadCheck;
import io.wavebench.drivers.codes.Refusal;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Codes others made, photographed (DESIGN §6 "what others made"): QR codes drawn by
 * {@code qrencode} (offline tokens, tickets and random payloads) and Code 128 payment codes drawn by
 * {@code zint}, photographed by {@link PrintPhotographer} at each {@link PhotoLevel}, written to
 * files, and read from the same files by {@link CodeDecoder} and by zbar and zxing-cpp as processes.
 * A read counts only if it equals what was drawn; a different value is <b>wrong</b>.
 */
public final class OthersCodesBenchmark {

    /** One set: a kind of code at one level. */
    public record CodeSet(String name, CodeKind kind, PhotoLevel level) {
    }

    /** What was drawn and photographed, and the check the reader applies to that kind of payload. */
    public record Sample(CodeKind kind, String payloadKind, byte[] payload, PayloadCheck qrCheck, PrintPhotographer.Photo photo) {
        public CodeDecoder decoder() {
            return kind == CodeKind.QR_CODE ? CodeDecoder.qr(qrCheck) : CodeDecoder.code128(BarcodeCheck.PAYMENT_CODE);
        }

        /** Whether a decoded value is what was drawn. */
        public boolean matches(byte[] read) {
            return Arrays.equals(read, payload);
        }
    }

    /** Reads and wrong reads of one decoder on a set; {@code installed} false when the decoder could not run. */
    public record Tally(boolean installed, int read, int wrong) {
    }

    public record Row(CodeSet set, int images, Tally wavebench, double msPerDecode, double msMax, Map<OtherReaders, Tally> others) {
    }

    /** Token types of DESIGN §5.1: one-way 0x01 (201 bytes), challenged 0x02 (209 bytes). */
    static final PayloadCheck TOKEN_SHAPE = PayloadCheck.tokenShape(Set.of(201, 209), Set.of(0x01, 0x02));
    /** DESIGN §5.5's ticket: version 1, 27 fixed bytes, 1..16 seats of 4, a 64-byte signature. */
    static final PayloadCheck TICKET_SHAPE = payload -> {
        int seatBytes = payload.length - 27 - 64;
        boolean shaped = payload.length > 0 && payload[0] == 1 && seatBytes >= 4 && seatBytes <= 64 && seatBytes % 4 == 0;
        return shaped ? Optional.empty() : Optional.of(new Refusal("NOT_A_TICKET", payload.length + " bytes"));
    };
    static final PayloadCheck ANY = payload -> Optional.empty();

    public static List<CodeSet> sets() {
        List<CodeSet> sets = new ArrayList<>();
        for (CodeKind kind : CodeKind.values()) {
            for (PhotoLevel level : List.of(PhotoLevel.common(), PhotoLevel.small(), PhotoLevel.soft(), PhotoLevel.harsh(), PhotoLevel.harshest(), PhotoLevel.glaring(0.7))) {
                sets.add(new CodeSet((kind == CodeKind.QR_CODE ? "qrencode QR, " : "zint Code 128, ") + level.name(), kind, level));
            }
        }
        return sets;
    }

    /** Whether the makers can run; the readers are checked one by one. */
    public static Optional<String> makersMissing() {
        for (OtherTool tool : List.of(OtherTool.QRENCODE, OtherTool.ZINT)) {
            if (!tool.installed()) return Optional.of(tool.missing());
        }
        return Optional.empty();
    }

    /** Image {@code index} of a set: the same seed, set and index give the same payload and the same file. */
    public static Sample sample(CodeSet set, int index, long seed) {
        Random random = new Random(seed * 1_000_003L + set.name().hashCode() * 31L + index);
        if (set.kind() == CodeKind.CODE_128) {
            StringBuilder code = new StringBuilder("28");
            while (code.length() < 18) code.append((char) ('0' + random.nextInt(10)));
            Modules bars = OtherMakers.zint128(code.toString(), 30 + random.nextInt(30));
            return new Sample(CodeKind.CODE_128, "payment code", code.toString().getBytes(StandardCharsets.US_ASCII), null,
                    PrintPhotographer.photograph(bars, 10, set.level(), random));
        }
        byte[] payload;
        String what;
        PayloadCheck check;
        switch (index % 3) {
            case 0 -> {
                boolean challenged = random.nextInt(4) == 0;
                payload = new byte[challenged ? 209 : 201];
                random.nextBytes(payload);
                payload[0] = (byte) (challenged ? 0x02 : 0x01);
                what = "token";
                check = TOKEN_SHAPE;
            }
            case 1 -> {
                payload = new byte[27 + 4 * (1 + random.nextInt(6)) + 64];
                random.nextBytes(payload);
                payload[0] = 1;
                what = "ticket";
                check = TICKET_SHAPE;
            }
            default -> {
                payload = new byte[8 + random.nextInt(250)];
                random.nextBytes(payload);
                what = "random";
                check = ANY;
            }
        }
        Modules qr = OtherMakers.qrencode(payload);
        return new Sample(CodeKind.QR_CODE, what, payload, check, PrintPhotographer.photograph(qr, 4, set.level(), random));
    }

    /** Draws, photographs and reads {@code images} codes of a set; the files go to {@code dir} (kept when {@code keep}). */
    public static Row run(CodeSet set, int images, long seed, Path dir, boolean keep) {
        int read = 0, wrong = 0;
        long nanos = 0, maxNanos = 0;
        Map<OtherReaders, int[]> others = new EnumMap<>(OtherReaders.class);
        for (OtherReaders reader : OtherReaders.values()) {
            if (reader.tool().installed()) others.put(reader, new int[2]);
        }
        for (int i = 0; i < images; i++) {
            Sample sample = sample(set, i, seed);
            Path file = dir.resolve(String.format(Locale.ROOT, "%s-%02d-%s.%s", slug(set.name()), i, sample.payloadKind().replace(' ', '-'), sample.photo().extension()));
            try {
                Files.write(file, sample.photo().file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            long t0 = System.nanoTime();
            DecodeResult result = sample.decoder().decode(sample.photo().frame());
            long took = System.nanoTime() - t0;
            nanos += took;
            maxNanos = Math.max(maxNanos, took);
            if (result instanceof DecodeResult.Decoded d) {
                if (sample.matches(d.bytes())) read++;
                else wrong++;
            }
            for (Map.Entry<OtherReaders, int[]> other : others.entrySet()) {
                Optional<byte[]> got = other.getKey().read(set.kind(), file);
                if (got.isPresent()) other.getValue()[sample.matches(got.get()) ? 0 : 1]++;
            }
            if (!keep) deleteQuietly(file);
        }
        Map<OtherReaders, Tally> tallies = new EnumMap<>(OtherReaders.class);
        for (OtherReaders reader : OtherReaders.values()) {
            int[] t = others.get(reader);
            tallies.put(reader, t == null ? new Tally(false, 0, 0) : new Tally(true, t[0], t[1]));
        }
        return new Row(set, images, new Tally(true, read, wrong), nanos / 1e6 / images, maxNanos / 1e6, tallies);
    }

    public static List<Row> run(List<CodeSet> sets, int images, long seed, Path keepIn, PrintStream progress) {
        Path dir;
        try {
            dir = keepIn != null ? Files.createDirectories(keepIn) : Files.createTempDirectory("wavebench-others-codes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the photographs", e);
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (CodeSet set : sets) {
                rows.add(run(set, images, seed, dir, keepIn != null));
                if (progress != null) progress.print(".");
            }
        } finally {
            if (keepIn == null) deleteTree(dir);
        }
        if (progress != null) progress.println();
        return rows;
    }

    public static void print(List<Row> rows, PrintStream out) {
        out.println("| set | CodeDecoder | wrong | ms/decode (max) | zbar (wrong) | zxing-cpp (wrong) |");
        out.println("|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %s | %d/%d | %d | %.0f (%.0f) | %s | %s |%n", r.set().name(), r.wavebench().read(), r.images(), r.wavebench().wrong(),
                    r.msPerDecode(), r.msMax(), other(r.others().get(OtherReaders.ZBAR), r.images()), other(r.others().get(OtherReaders.ZXING_CPP), r.images()));
        }
    }

    private static String other(Tally t, int images) {
        return t.installed() ? t.read() + "/" + images + " (" + t.wrong() + ")" : "not installed";
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A photograph left in a temporary folder harms nothing; the folder goes at the end.
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(OthersCodesBenchmark::deleteQuietly);
        } catch (IOException e) {
            // As above: only a temporary folder is left.
        }
    }
}
