package io.wavebench.drivers.codes.others;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wavebench.drivers.codes.Attempt;
import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.CodeKind;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.FailureReason;
import io.wavebench.drivers.codes.Rung;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codes drawn by qrencode and zint, photographed by {@link PrintPhotographer}, read by
 * {@link CodeDecoder} (a few of each; the full sets run in OpticalBenchmark). Skipped, with the
 * tool named, where the Debian tools are missing.
 */
class OthersCodesTest {

    private static final long SEED = 2026;

    @Test
    void codes_others_drew_photographed_at_the_common_level_are_read_right() {
        assumeTools(OtherTool.QRENCODE, OtherTool.ZINT);
        for (CodeKind kind : CodeKind.values()) {
            OthersCodesBenchmark.CodeSet set = new OthersCodesBenchmark.CodeSet("common " + kind, kind, PhotoLevel.common());
            for (int i = 0; i < (kind == CodeKind.QR_CODE ? 3 : 2); i++) {
                OthersCodesBenchmark.Sample sample = OthersCodesBenchmark.sample(set, i, SEED);
                DecodeResult result = sample.decoder().decode(sample.photo().frame());
                DecodeResult.Decoded read = assertInstanceOf(DecodeResult.Decoded.class, result, kind + " " + sample.payloadKind() + " #" + i + ": " + result);
                assertArrayEquals(sample.payload(), read.bytes(), kind + " " + sample.payloadKind() + " #" + i);
            }
        }
    }

    /** Small, soft QR codes: scaled up and sharpened, the ladder reads at least what zbar reads from the same files. */
    @Test
    void on_small_and_soft_photographs_the_decoder_reads_at_least_what_zbar_reads(@TempDir Path dir) throws Exception {
        assumeTools(OtherTool.QRENCODE, OtherTool.ZBARIMG);
        int ours = 0, zbar = 0;
        for (PhotoLevel level : List.of(PhotoLevel.small(), PhotoLevel.soft())) {
            OthersCodesBenchmark.CodeSet set = new OthersCodesBenchmark.CodeSet("harsh " + level.name(), CodeKind.QR_CODE, level);
            for (int i = 0; i < 3; i++) {
                OthersCodesBenchmark.Sample sample = OthersCodesBenchmark.sample(set, i, SEED);
                Path file = dir.resolve(i + "-" + level.pxPerModule() + "." + sample.photo().extension());
                Files.write(file, sample.photo().file());
                DecodeResult result = sample.decoder().decode(sample.photo().frame());
                if (result instanceof DecodeResult.Decoded d) {
                    assertArrayEquals(sample.payload(), d.bytes(), "a wrong value from " + file);
                    ours++;
                }
                if (OtherReaders.ZBAR.read(CodeKind.QR_CODE, file).filter(sample::matches).isPresent()) zbar++;
            }
        }
        assertTrue(ours >= zbar, "CodeDecoder read " + ours + " of 6, zbar " + zbar);
        // The benchmark reads 29 and 23 of 30 in these sets; of these six seeded ones, 3 small and 1 soft: fewer is a regression.
        assertTrue(ours >= 4, "CodeDecoder read " + ours + " of 6 small or soft codes");
    }

    /** Codes that are almost payment codes (a digit short, a digit over, another prefix) are refused, never returned. */
    @Test
    void near_miss_barcodes_are_refused_not_read() {
        assumeTools(OtherTool.ZINT);
        CodeDecoder decoder = CodeDecoder.code128(BarcodeCheck.PAYMENT_CODE);
        Random random = new Random(SEED);
        for (String text : List.of("28012345678901234", "2801234567890123456", "270123456789012345", "28012345678901234X")) {
            PrintPhotographer.Photo photo = PrintPhotographer.photograph(OtherMakers.zint128(text, 40), 10, PhotoLevel.common(), random);
            DecodeResult.NotDecoded refused = assertInstanceOf(DecodeResult.NotDecoded.class, decoder.decode(photo.frame()), text);
            assertEquals(FailureReason.REFUSED, refused.reason(), text + ": " + refused);
        }
    }

    /**
     * Under {@link PhotoLevel#harsh()}'s keystone, the benchmark's fourth photograph (a token,
     * version 10): ZXing's detector groups no three finder patterns and no rung before ALIGNED reads
     * it (zxing-cpp, which fits its grid to every alignment pattern, does).
     */
    @Test
    void a_keystoned_token_the_earlier_rungs_miss_is_read_on_its_aligned_grid() {
        assumeTools(OtherTool.QRENCODE);
        OthersCodesBenchmark.Sample sample = OthersCodesBenchmark.sample(benchmarkSet(PhotoLevel.harsh()), 3, SEED);
        DecodeResult result = sample.decoder().decode(sample.photo().frame());
        DecodeResult.Decoded read = assertInstanceOf(DecodeResult.Decoded.class, result, sample.payloadKind() + ": " + result);
        assertEquals(Rung.ALIGNED, read.rung(), read.attempts().toString());
        assertArrayEquals(sample.payload(), read.bytes());
    }

    /**
     * Under {@link PhotoLevel#harshest()} (2.5 px a module, σ 1.2) the benchmark's first photograph
     * (a token) has its aligned grid found, but too many modules misread for the error correction:
     * the rung says so and the decoder returns nothing.
     */
    @Test
    void an_aligned_grid_whose_error_correction_fails_gives_nothing() {
        assumeTools(OtherTool.QRENCODE);
        OthersCodesBenchmark.Sample sample = OthersCodesBenchmark.sample(benchmarkSet(PhotoLevel.harshest()), 0, SEED);
        DecodeResult result = sample.decoder().decode(sample.photo().frame());
        DecodeResult.NotDecoded missed = assertInstanceOf(DecodeResult.NotDecoded.class, result, sample.payloadKind() + ": " + result);
        assertEquals(FailureReason.UNREADABLE, missed.reason(), missed.toString());
        Attempt aligned = missed.attempts().get(missed.attempts().size() - 1);
        assertEquals(Rung.ALIGNED, aligned.rung(), missed.attempts().toString());
        assertEquals(Attempt.Outcome.CHECKSUM, aligned.outcome(), aligned.toString());
    }

    /** The benchmark's set of QR codes at {@code level}: the same name gives the same photographs. */
    private static OthersCodesBenchmark.CodeSet benchmarkSet(PhotoLevel level) {
        return OthersCodesBenchmark.sets().stream().filter(s -> s.kind() == CodeKind.QR_CODE && s.level().equals(level)).findFirst().orElseThrow();
    }

    /** The harshest photographs mostly fail; whatever the ladder does return must be what was drawn. */
    @Test
    void photographs_beyond_reading_give_no_wrong_value() {
        assumeTools(OtherTool.QRENCODE, OtherTool.ZINT);
        for (CodeKind kind : CodeKind.values()) {
            OthersCodesBenchmark.CodeSet set = new OthersCodesBenchmark.CodeSet("harshest " + kind, kind, PhotoLevel.harshest());
            for (int i = 0; i < 2; i++) {
                OthersCodesBenchmark.Sample sample = OthersCodesBenchmark.sample(set, i, SEED);
                if (sample.decoder().decode(sample.photo().frame()) instanceof DecodeResult.Decoded d) {
                    assertArrayEquals(sample.payload(), d.bytes(), kind + " #" + i);
                }
            }
        }
    }

    private static void assumeTools(OtherTool... tools) {
        for (OtherTool tool : tools) assumeTrue(tool.installed(), tool.missing());
    }
}
