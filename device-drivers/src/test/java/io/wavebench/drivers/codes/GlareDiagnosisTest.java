package io.wavebench.drivers.codes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import io.wavebench.drivers.codes.others.Modules;
import io.wavebench.drivers.codes.others.PhotoLevel;
import io.wavebench.drivers.codes.others.PrintPhotographer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The glare diagnosis on photographs of printed codes: white paper exposed to clipping is the
 * medium, not glare; a lamp's reflection over the code is glare.
 */
class GlareDiagnosisTest {

    @Test
    void white_paper_blown_out_around_a_code_is_not_glare() {
        for (int i = 0; i < 4; i++) {
            Random random = new Random(40 + i);
            FrameDiagnosis diagnosis = FrameDiagnosis.of(PrintPhotographer.photograph(code(random, i % 2 == 0), 10, PhotoLevel.common(), random).frame());
            assertTrue(diagnosis.saturatedFraction() >= 0.05, "the paper clips, as in the photographs that were all called glare: " + diagnosis);
            assertTrue(diagnosis.glareFraction() < FrameDiagnosis.GLARE_FRACTION, "photograph " + i + ": " + diagnosis);
            assertFalse(diagnosis.guess().contains("glare"), diagnosis.guess());
        }
    }

    @Test
    void a_lamp_reflected_over_the_code_is_glare() {
        for (int i = 0; i < 4; i++) {
            Random random = new Random(50 + i);
            FrameDiagnosis diagnosis = FrameDiagnosis.of(PrintPhotographer.photograph(code(random, i % 2 == 0), 10, PhotoLevel.glaring(1.2), random).frame());
            assertTrue(diagnosis.glareFraction() >= FrameDiagnosis.GLARE_FRACTION, "photograph " + i + ": " + diagnosis);
            assertTrue(diagnosis.guess().contains("glare"), diagnosis.guess());
        }
    }

    /** A token-sized QR code or a payment barcode, as wavebench's encoders lay out the modules. */
    private static Modules code(Random random, boolean qr) {
        if (qr) {
            byte[] token = new byte[201];
            random.nextBytes(token);
            return modules(QrCodes.encode(token).modules(), 1);
        }
        StringBuilder digits = new StringBuilder("28");
        while (digits.length() < 18) digits.append((char) ('0' + random.nextInt(10)));
        return modules(Code128Codes.encode(digits.toString()).modules(), 40);
    }

    private static Modules modules(BitMatrix matrix, int repeatRows) {
        int w = matrix.getWidth();
        int h = matrix.getHeight() * repeatRows;
        boolean[] dark = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) dark[y * w + x] = matrix.get(x, y / repeatRows);
        }
        return new Modules(w, h, dark);
    }
}
