package io.wavebench.drivers.optical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.codes.Code128Codes;
import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.FailureReason;
import io.wavebench.drivers.codes.QrCodes;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Screen → camera → decoder, the way the reader sees a phone (DESIGN §5.2). */
class OpticalRoundTripTest {

    private static final CodeDecoder QR = CodeDecoder.qr(OpticalBenchmark.TOKEN_SHAPE);
    private static final CodeDecoder BARCODE = CodeDecoder.code128(BarcodeCheck.PAYMENT_CODE);

    private final SimulatedScreen screen = new SimulatedScreen();

    private DecodeResult showAndRead(byte[] token, OpticalModel model) {
        screen.showCode(QrCodes.encode(token));
        return QR.decode(new SimulatedCamera(screen, model).capture());
    }

    private DecodeResult showAndRead(String code, OpticalModel model) {
        screen.showCode(Code128Codes.encode(code));
        return BARCODE.decode(new SimulatedCamera(screen, model).capture());
    }

    @Test
    void a_token_qr_reads_back_byte_for_byte_at_typical_levels() {
        byte[] token = OpticalBenchmark.randomToken(new Random(11));
        DecodeResult.Decoded read = assertInstanceOf(DecodeResult.Decoded.class, showAndRead(token, OpticalModel.typical().withSeed(3)));
        assertArrayEquals(token, read.bytes());
    }

    @Test
    void a_payment_barcode_reads_back_at_typical_levels() {
        String code = OpticalBenchmark.randomPaymentCode(new Random(12));
        DecodeResult.Decoded read = assertInstanceOf(DecodeResult.Decoded.class, showAndRead(code, OpticalModel.typical().withSeed(4)));
        assertEquals(code, read.text());
        assertArrayEquals(code.getBytes(StandardCharsets.US_ASCII), read.bytes());
    }

    @Test
    void a_qr_tilted_30_degrees_at_10_cm_decodes_by_turning_the_view() {
        byte[] token = OpticalBenchmark.randomToken(new Random(13));
        DecodeResult.Decoded read = assertInstanceOf(DecodeResult.Decoded.class, showAndRead(token, OpticalModel.tilted(30).withSeed(5)));
        assertArrayEquals(token, read.bytes());
    }

    @Test
    void a_barcode_tilted_30_degrees_decodes_within_a_few_frames() {
        // OpticalBenchmark: about 4 frames in 5 decode at this tilt, so the reader keeps looking
        // for a few frames as a real scanner does; none may ever give a wrong value.
        String code = OpticalBenchmark.randomPaymentCode(new Random(14));
        screen.showCode(Code128Codes.encode(code));
        SimulatedCamera camera = new SimulatedCamera(screen, OpticalModel.tilted(30).withSeed(6));
        DecodeResult result = null;
        for (int frame = 0; frame < 5 && !(result instanceof DecodeResult.Decoded); frame++) {
            result = BARCODE.decode(camera.capture());
            if (result instanceof DecodeResult.Decoded d) assertEquals(code, d.text());
        }
        assertInstanceOf(DecodeResult.Decoded.class, result, "5 frames of a barcode tilted 30°");
    }

    @Test
    void a_barcode_turned_45_degrees_in_plane_decodes_after_deskewing() {
        String code = OpticalBenchmark.randomPaymentCode(new Random(15));
        DecodeResult.Decoded read = assertInstanceOf(DecodeResult.Decoded.class, showAndRead(code, OpticalModel.rotated(45).withSeed(7)));
        assertEquals(code, read.text());
    }

    @Test
    void strong_glare_fails_with_a_named_reason_and_never_a_wrong_value() {
        DecodeResult.NotDecoded qr = assertInstanceOf(DecodeResult.NotDecoded.class,
                showAndRead(OpticalBenchmark.randomToken(new Random(16)), OpticalModel.glare(1.5).withSeed(8)));
        assertTrue(qr.why().contains("glare"), qr.why());
        assertFalse(qr.reason() == FailureReason.REFUSED, qr.toString());
        DecodeResult.NotDecoded barcode = assertInstanceOf(DecodeResult.NotDecoded.class,
                showAndRead(OpticalBenchmark.randomPaymentCode(new Random(17)), OpticalModel.glare(1.5).withSeed(9)));
        assertTrue(barcode.why().contains("glare"), barcode.why());
    }

    @Test
    void heavy_blur_fails_with_a_named_reason() {
        DecodeResult.NotDecoded qr = assertInstanceOf(DecodeResult.NotDecoded.class,
                showAndRead(OpticalBenchmark.randomToken(new Random(18)), OpticalModel.blurred(5).withSeed(10)));
        assertTrue(qr.why().contains("blurred"), qr.why());
        assertEquals(qr.attempts().size(), qr.attempts().stream().map(a -> a.rung()).distinct().count(), "each rung tried once: " + qr.attempts());
    }

    @Test
    void a_barcode_with_another_prefix_is_refused_not_returned() {
        DecodeResult.NotDecoded read = assertInstanceOf(DecodeResult.NotDecoded.class, showAndRead("291234567890123456", OpticalModel.ideal()));
        assertEquals(FailureReason.REFUSED, read.reason());
        assertTrue(read.why().contains("WRONG_PREFIX"), read.why());
    }

    @Test
    void a_17_digit_barcode_is_refused_not_returned() {
        DecodeResult.NotDecoded read = assertInstanceOf(DecodeResult.NotDecoded.class, showAndRead("28123456789012345", OpticalModel.ideal()));
        assertEquals(FailureReason.REFUSED, read.reason());
        assertTrue(read.why().contains("WRONG_LENGTH"), read.why());
    }

    @Test
    void a_qr_that_is_not_token_shaped_is_refused() {
        byte[] notAToken = new byte[150];
        notAToken[0] = 0x01;
        DecodeResult.NotDecoded read = assertInstanceOf(DecodeResult.NotDecoded.class, showAndRead(notAToken, OpticalModel.ideal()));
        assertEquals(FailureReason.REFUSED, read.reason());
        assertTrue(read.why().contains("WRONG_LENGTH"), read.why());
    }
}
