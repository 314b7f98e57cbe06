package io.wavebench.drivers.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.DecodeHintType;
import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.decoder.Decoder;
import io.wavebench.drivers.codes.others.Modules;
import io.wavebench.drivers.codes.others.PhotoLevel;
import io.wavebench.drivers.codes.others.PrintPhotographer;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.GrayFilters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AlignedGrid} on QR codes ZXing drew, photographed under {@link PhotoLevel#harsh()}'s
 * keystone by {@link PrintPhotographer} (no Debian tool needed): the grid fitted to every alignment
 * pattern reads them, and the same patterns at a size a version off give ZXing's decoder a grid
 * whose format, version or error correction fails, never a value.
 */
class AlignedGridTest {

    private static final Map<DecodeHintType, Object> BYTES = Map.of(DecodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name());

    @Test
    void a_keystoned_code_the_earlier_rungs_miss_is_read_on_its_aligned_grid_and_a_size_a_version_off_reads_nothing() throws Exception {
        // 99 bytes at level M are version 6 (one alignment pattern), 201 bytes version 10 (six).
        for (int[] c : new int[][] {{99, 6, 1}, {201, 10, 1}}) {
            int length = c[0], version = c[1];
            byte[] payload = new byte[length];
            Random random = new Random(2026 + length);
            random.nextBytes(payload);
            CodeSymbol symbol = QrCodes.encode(payload);
            assertEquals(version, symbol.version(), length + " bytes");
            int dimension = 17 + 4 * version;
            Frame frame = PrintPhotographer.photograph(modules(symbol.modules()), 4, PhotoLevel.harsh(), new Random(c[2])).frame();

            // Every rung before ALIGNED misses this photograph (ZXing's detector picks no three
            // finder patterns, or fits a grid that fails); the ladder reads it on the aligned grid.
            DecodeResult result = CodeDecoder.qr(any -> Optional.empty()).decode(frame);
            DecodeResult.Decoded read = assertInstanceOf(DecodeResult.Decoded.class, result, "version " + version + ": " + result);
            assertEquals(Rung.ALIGNED, read.rung(), "version " + version + ": " + read.attempts());
            assertArrayEquals(payload, read.bytes(), "version " + version);

            BitMatrix bits = binarized(frame.luma(), frame);
            List<QrFinders> finders = QrFinders.in(bits);
            if (finders.isEmpty()) finders = QrFinders.in(binarized(GrayFilters.toBytes(GrayFilters.median3(GrayFilters.toFloat(frame.luma()), frame.width(), frame.height())), frame));
            assertFalse(finders.isEmpty(), "version " + version + ": no three finder patterns");
            QrFinders found = finders.get(0);
            AlignedGrid.Luma grey = new AlignedGrid.Luma(frame.luma(), frame.width(), frame.height());

            double[] centres = AlignedGrid.place(grey, found, dimension);
            String text = new Decoder().decode(AlignedGrid.readGrey(grey, centres, dimension), BYTES).getText();
            assertEquals(new String(payload, StandardCharsets.ISO_8859_1), text, "version " + version);

            for (int wrong : new int[] {dimension - 4, dimension + 4}) {
                double[] off = AlignedGrid.place(grey, found, wrong);
                assertThrows(ReaderException.class, () -> new Decoder().decode(AlignedGrid.readGrey(grey, off, wrong), BYTES), "version " + version + " read as " + wrong + " modules");
                assertThrows(ReaderException.class, () -> new Decoder().decode(AlignedGrid.readBits(bits, off, wrong), BYTES), "version " + version + " read as " + wrong + " modules");
            }
        }
    }

    private static BitMatrix binarized(byte[] luma, Frame frame) throws NotFoundException {
        return new HybridBinarizer(new GrayscaleLuminanceSource(frame.width(), frame.height(), luma)).getBlackMatrix();
    }

    private static Modules modules(BitMatrix matrix) {
        boolean[] dark = new boolean[matrix.getWidth() * matrix.getHeight()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) dark[y * matrix.getWidth() + x] = matrix.get(x, y);
        }
        return new Modules(matrix.getWidth(), matrix.getHeight(), dark);
    }
}
