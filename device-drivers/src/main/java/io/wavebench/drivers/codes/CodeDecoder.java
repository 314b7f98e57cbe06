package io.wavebench.drivers.codes;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Reader;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPattern;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.GrayFilters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads one kind of code from camera frames with ZXing and a preprocessing ladder (DESIGN §5.2,
 * {@link Rung}), stopping at the first value that passes the caller's checks. Every decoded value
 * is checked, on every rung: a refused value is never returned, and the ladder goes on. A
 * decoder keeps no state between frames and may be shared.
 */
public final class CodeDecoder {

    private final CodeKind kind;
    private final PayloadCheck payloadCheck;
    private final BarcodeCheck barcodeCheck;

    private CodeDecoder(CodeKind kind, PayloadCheck payloadCheck, BarcodeCheck barcodeCheck) {
        this.kind = kind;
        this.payloadCheck = payloadCheck;
        this.barcodeCheck = barcodeCheck;
    }

    /** QR codes whose byte payload must pass {@code check} (e.g. {@link PayloadCheck#tokenShape}). */
    public static CodeDecoder qr(PayloadCheck check) {
        return new CodeDecoder(CodeKind.QR_CODE, check, null);
    }

    /** Code 128 barcodes whose text must pass {@code check} (e.g. {@link BarcodeCheck#PAYMENT_CODE}). */
    public static CodeDecoder code128(BarcodeCheck check) {
        return new CodeDecoder(CodeKind.CODE_128, null, check);
    }

    public CodeKind kind() {
        return kind;
    }

    public DecodeResult decode(Frame frame) {
        Prepared images = new Prepared(frame);
        List<Attempt> attempts = new ArrayList<>();
        for (Rung rung : Rung.values()) {
            if (!rung.appliesTo(kind)) continue;
            Attempt attempt = tryRung(rung, images);
            attempts.add(attempt);
            if (attempt.outcome() == Attempt.Outcome.DECODED) {
                return new DecodeResult.Decoded(kind, images.acceptedBytes, images.acceptedText, rung, attempts);
            }
        }
        return notDecoded(frame, attempts);
    }

    /**
     * The turns of {@link Rung#TURNED}: 30° towards each of eight directions, as yaw and pitch in
     * degrees; about the two axes first, then the diagonals. A screen tilted about an oblique axis
     * (the hand's usual 30°) is undone only by a diagonal turn: with the axes alone one token in ten
     * stayed unreadable at 30° of tilt with glare, whatever the frame.
     */
    private static final double[][] TURNS = {
            {-30, 0}, {30, 0}, {0, -30}, {0, 30},
            {-21.2, -21.2}, {21.2, -21.2}, {-21.2, 21.2}, {21.2, 21.2}};

    /** {@link Rung#UPSCALED} makes no image larger than this (3 MP: a few tenths of a second of ZXing at most). */
    private static final int MAX_UPSCALED_PIXELS = 3_000_000;

    private Attempt tryRung(Rung rung, Prepared images) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        if (kind == CodeKind.QR_CODE) hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name());
        switch (rung) {
            case AS_IS -> {
                return tryImage(rung, "", images.frame.luma(), false, hints, images);
            }
            case DENOISED -> {
                return tryImage(rung, "", images.denoised(), false, hints, images);
            }
            case GLOBAL_BINARIZER -> {
                return tryImage(rung, "", images.denoised(), true, hints, images);
            }
            case CONTRAST_STRETCH -> {
                return tryImage(rung, "", images.stretched(), false, hints, images);
            }
            case TURNED -> {
                Attempt best = null;
                for (double[] turn : TURNS) {
                    Frame f = images.frame;
                    byte[] turned = GrayFilters.toBytes(Preprocess.turned(images.denoisedFloat(), f.width(), f.height(), turn[0], turn[1]));
                    Attempt a = tryImage(rung, String.format("yaw %+.0f°, pitch %+.0f°", turn[0], turn[1]), turned, false, hints, images);
                    if (best == null || a.outcome().ordinal() < best.outcome().ordinal()) best = a;
                    if (a.outcome() == Attempt.Outcome.DECODED) break;
                }
                return best;
            }
            case DESKEWED_SMEARED -> {
                return tryImage(rung, "", images.deskewedSmeared(), false, hints, images);
            }
            case TRY_HARDER -> {
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
                return tryImage(rung, "", images.denoised(), false, hints, images);
            }
            case PURE_BARCODE -> {
                hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
                return tryImage(rung, "", images.frame.luma(), false, hints, images);
            }
            case UPSCALED -> {
                Preprocess.ModuleEstimate module = images.modulePx();
                if (module.px() == 0 || module.px() >= Preprocess.SMALL_MODULE_PX) {
                    return new Attempt(rung, Attempt.Outcome.NOT_FOUND, module.px() == 0 ? "skipped: no module width measurable" : String.format(Locale.ROOT, "skipped: %.1f px a module", module.px()));
                }
                // Only the code's box is scaled up, and to no more than MAX_UPSCALED_PIXELS: a
                // frame this rung cannot help (a card photo, a busy scene) costs little.
                int area = module.width() * module.height();
                int factor = Math.min(module.px() < 2.7 ? 3 : 2, (int) Math.sqrt(MAX_UPSCALED_PIXELS / (double) area));
                if (factor < 2) {
                    return new Attempt(rung, Attempt.Outcome.NOT_FOUND, String.format(Locale.ROOT, "skipped: %.1f px a module over %d×%d px, too large to scale up", module.px(), module.width(), module.height()));
                }
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
                Frame f = images.frame;
                float[] source = Preprocess.crop(kind == CodeKind.QR_CODE ? GrayFilters.toFloat(f.luma()) : images.deskewedSmearedFloat(), f.width(), module);
                float[] large = Preprocess.upscale(source, module.width(), module.height(), factor);
                int w = module.width() * factor, h = module.height() * factor;
                if (kind == CodeKind.QR_CODE) images.keepUpscaled(GrayFilters.toBytes(large), w, h);
                String at = String.format(Locale.ROOT, "%.1f px a module, ×%d", module.px(), factor);
                Attempt plain = tryImage(rung, at, GrayFilters.toBytes(large), w, h, false, hints, images);
                if (plain.outcome() == Attempt.Outcome.DECODED) return plain;
                Attempt sharpened = tryImage(rung, at + ", sharpened", GrayFilters.toBytes(Preprocess.unsharp(large, w, h, 0.8 * factor, 1.0)), w, h, false, hints, images);
                Attempt best = sharpened.outcome().ordinal() < plain.outcome().ordinal() ? sharpened : plain;
                if (best.outcome() == Attempt.Outcome.DECODED || kind != CodeKind.QR_CODE) return best;
                // Turned upright, rows and columns run along the modules: ZXing's module size and
                // version estimates, measured along rows, are then exact rather than stretched by 1/cos.
                double angle = Preprocess.gridAngleDeg(large, w, h);
                if (Math.abs(angle) < 3) return best;
                float[] upright = GrayFilters.rotate(large, w, h, angle, GrayFilters.percentile(large, 0.5));
                Attempt turned = tryImage(rung, String.format(Locale.ROOT, "%s, turned %+.0f°", at, angle), GrayFilters.toBytes(upright), w, h, false, hints, images);
                return turned.outcome().ordinal() < best.outcome().ordinal() ? turned : best;
            }
            case OTHER_VERSION -> {
                Frame f = images.frame;
                Attempt best = otherVersions(rung, "as captured", f.luma(), f.width(), f.height(), images);
                if (best.outcome() != Attempt.Outcome.DECODED && images.upscaled != null) {
                    Attempt large = otherVersions(rung, "scaled up", images.upscaled, images.upscaledWidth, images.upscaledHeight, images);
                    if (large.outcome().ordinal() < best.outcome().ordinal()) best = large;
                }
                return best;
            }
            case ALIGNED -> {
                return aligned(rung, images);
            }
            case SHARPENED -> {
                Frame f = images.frame;
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
                return tryImage(rung, "", GrayFilters.toBytes(Preprocess.unsharp(GrayFilters.toFloat(f.luma()), f.width(), f.height(), 1.5, 1.5)), false, hints, images);
            }
            default -> throw new IllegalStateException("rung " + rung);
        }
    }

    /** Versions either side of the one ZXing's detector measured, nearest first. */
    private static final int[] OTHER_SIZES = {4, -4, 8, -8};

    /**
     * {@link Rung#OTHER_VERSION} on one image: ZXing's detector finds the finder patterns (and
     * the bottom-right alignment pattern); the grid is then sampled at the other sizes, with the
     * same points (ZXing's own arrangement: top-left, top-right and bottom-left finder centres at
     * 3.5 modules in, the alignment pattern 6.5 in from the bottom-right corner).
     */
    private Attempt otherVersions(Rung rung, String variant, byte[] luma, int width, int height, Prepared images) {
        BitMatrix bits;
        DetectorResult detected;
        try {
            bits = new HybridBinarizer(new GrayscaleLuminanceSource(width, height, luma)).getBlackMatrix();
            detected = new Detector(bits).detect(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException | FormatException e) {
            return new Attempt(rung, Attempt.Outcome.NOT_FOUND, variant + ": no finder patterns");
        }
        ResultPoint[] p = detected.getPoints();
        ResultPoint bottomLeft = p[0], topLeft = p[1], topRight = p[2];
        int measured = detected.getBits().getWidth();
        Attempt best = null;
        for (int delta : OTHER_SIZES) {
            int dimension = measured + delta;
            if (dimension < 21 || dimension > 177) continue;
            float far = dimension - 3.5f;
            float cornerX, cornerY, corner;
            if (p.length > 3) {
                cornerX = p[3].getX();
                cornerY = p[3].getY();
                corner = far - 3;
            } else {
                cornerX = topRight.getX() - topLeft.getX() + bottomLeft.getX();
                cornerY = topRight.getY() - topLeft.getY() + bottomLeft.getY();
                corner = far;
            }
            PerspectiveTransform transform = PerspectiveTransform.quadrilateralToQuadrilateral(3.5f, 3.5f, far, 3.5f, corner, corner, 3.5f, far,
                    topLeft.getX(), topLeft.getY(), topRight.getX(), topRight.getY(), cornerX, cornerY, bottomLeft.getX(), bottomLeft.getY());
            String at = String.format(Locale.ROOT, "%s, %d modules instead of %d", variant, dimension, measured);
            Attempt a;
            try {
                BitMatrix grid = GridSampler.getInstance().sampleGrid(bits, dimension, dimension, transform);
                DecoderResult result = new Decoder().decode(grid, Map.of(DecodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name()));
                a = accept(rung, at, result.getText(), images);
            } catch (NotFoundException e) {
                a = new Attempt(rung, Attempt.Outcome.NOT_FOUND, at + ": grid outside the frame");
            } catch (ChecksumException e) {
                a = new Attempt(rung, Attempt.Outcome.CHECKSUM, at + ": error correction failed");
            } catch (FormatException e) {
                a = new Attempt(rung, Attempt.Outcome.FORMAT, at + ": format or version information unreadable");
            }
            if (best == null || a.outcome().ordinal() < best.outcome().ordinal()) best = a;
            if (a.outcome() == Attempt.Outcome.DECODED) break;
        }
        return best != null ? best : new Attempt(rung, Attempt.Outcome.NOT_FOUND, variant + ": no other size possible");
    }

    /**
     * {@link Rung#ALIGNED}: finder patterns looked for in the frame as captured, then in its
     * denoised copy (the median keeps a far, small finder pattern's runs whole); the modules are
     * always read from the frame as captured, which at 3 px a module the median would blur. Then
     * the same on the code box {@link Rung#UPSCALED} scaled up, if it did.
     */
    private Attempt aligned(Rung rung, Prepared images) {
        Frame f = images.frame;
        Attempt best = aligned(rung, "", f.luma(), images::denoised, f.width(), f.height(), images);
        if (best.outcome() != Attempt.Outcome.DECODED && images.upscaled != null) {
            int w = images.upscaledWidth, h = images.upscaledHeight;
            byte[] large = images.upscaled;
            Attempt scaled = aligned(rung, "scaled up, ", large, () -> GrayFilters.toBytes(GrayFilters.median3(GrayFilters.toFloat(large), w, h)), w, h, images);
            if (scaled.outcome().ordinal() < best.outcome().ordinal()) best = scaled;
        }
        return best;
    }

    private Attempt aligned(Rung rung, String variant, byte[] luma, Supplier<byte[]> denoised, int width, int height, Prepared images) {
        AlignedGrid.Luma grey = new AlignedGrid.Luma(luma, width, height);
        Attempt best = new Attempt(rung, Attempt.Outcome.NOT_FOUND, variant + "no three finder patterns");
        List<QrFinders> tried = new ArrayList<>();
        BitMatrix bits = null;
        for (boolean denoise : new boolean[] {false, true}) {
            List<QrFinders> triples;
            try {
                BitMatrix source = new HybridBinarizer(new GrayscaleLuminanceSource(width, height, denoise ? denoised.get() : luma)).getBlackMatrix();
                if (!denoise) bits = source;
                List<FinderPattern> candidates = QrFinders.candidates(source);
                // Not two finder patterns as captured: no code in view (a card photo, an empty
                // frame), and the denoised copy is not worth binarizing. A keystone's far, small
                // pattern may need the median; the two near ones do not.
                if (!denoise && candidates.size() < 2) break;
                triples = QrFinders.triples(candidates);
            } catch (NotFoundException e) {
                return new Attempt(rung, Attempt.Outcome.NOT_FOUND, variant + "too little contrast to binarize");
            }
            BitMatrix captured = bits;
            for (QrFinders finders : triples) {
                // The denoised frame mostly finds the same three again; only new ones are worth a try.
                if (tried.stream().anyMatch(finders::sameAs)) continue;
                tried.add(finders);
                for (int dimension : finders.dimensions()) {
                    String at = String.format(Locale.ROOT, "%sfinder patterns %s, %d modules", variant, denoise ? "denoised" : "as captured", dimension);
                    double[] centres = AlignedGrid.place(grey, finders, dimension);
                    Attempt a = alignedRead(rung, at + ", binarized", () -> AlignedGrid.readBits(captured, centres, dimension), images);
                    if (a.outcome() != Attempt.Outcome.DECODED) {
                        Attempt g = alignedRead(rung, at + ", grey", () -> AlignedGrid.readGrey(grey, centres, dimension), images);
                        if (g.outcome().ordinal() < a.outcome().ordinal()) a = g;
                    }
                    if (a.outcome().ordinal() < best.outcome().ordinal()) best = a;
                    if (a.outcome() == Attempt.Outcome.DECODED) return a;
                }
            }
        }
        return best;
    }

    private interface GridRead {
        BitMatrix read() throws NotFoundException;
    }

    private Attempt alignedRead(Rung rung, String at, GridRead grid, Prepared images) {
        try {
            DecoderResult result = new Decoder().decode(grid.read(), Map.of(DecodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name()));
            return accept(rung, at, result.getText(), images);
        } catch (NotFoundException e) {
            return new Attempt(rung, Attempt.Outcome.NOT_FOUND, at + ": grid outside the frame");
        } catch (ChecksumException e) {
            return new Attempt(rung, Attempt.Outcome.CHECKSUM, at + ": error correction failed");
        } catch (FormatException e) {
            return new Attempt(rung, Attempt.Outcome.FORMAT, at + ": format or version information unreadable");
        }
    }

    private Attempt tryImage(Rung rung, String variant, byte[] luma, boolean global, Map<DecodeHintType, Object> hints, Prepared images) {
        return tryImage(rung, variant, luma, images.frame.width(), images.frame.height(), global, hints, images);
    }

    private Attempt tryImage(Rung rung, String variant, byte[] luma, int width, int height, boolean global, Map<DecodeHintType, Object> hints, Prepared images) {
        String at = variant.isEmpty() ? "" : variant + ": ";
        LuminanceSource source = new GrayscaleLuminanceSource(width, height, luma);
        BinaryBitmap bitmap = new BinaryBitmap(global ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source));
        Reader reader = kind == CodeKind.QR_CODE ? new QRCodeReader() : new Code128Reader();
        Result result;
        try {
            result = reader.decode(bitmap, hints);
        } catch (NotFoundException e) {
            return new Attempt(rung, Attempt.Outcome.NOT_FOUND, at + (kind == CodeKind.QR_CODE ? "no finder patterns" : "no start and stop pattern on any row"));
        } catch (ChecksumException e) {
            return new Attempt(rung, Attempt.Outcome.CHECKSUM, at + "error correction failed");
        } catch (FormatException e) {
            return new Attempt(rung, Attempt.Outcome.FORMAT, at + "format or version information unreadable");
        }
        if (kind == CodeKind.CODE_128 && rung == Rung.SHARPENED && !confirmedOnAnotherRow(result, luma, width, height, global, hints)) {
            return new Attempt(rung, Attempt.Outcome.CHECKSUM, at + "read on one row only: no other row gives the same value");
        }
        return accept(rung, variant, result.getText(), images);
    }

    /** Rows either side of the one a Code 128 was read on that its confirmation may not use, as a share of the image's height (at least 3). */
    private static final double CONFIRMATION_BAND = 0.02;

    /**
     * Whether another row of the image reads the same Code 128 value as the row {@code result}
     * came from. Code 128's only check is its modulo-103 symbol (ISO/IEC 15417 §4.5: one wrong
     * symbol character in 103 passes it), and ZXing returns the first row that passes it: on a
     * sharpened frame under glare, where many rows misread, that is now and then a wrong value —
     * 3 wrong payment codes in 100 frames of 30° of tilt with glare 0.6, each off in four digit
     * pairs, all from {@link Rung#SHARPENED}. A printed bar code is many rows high and a good read
     * comes from most of them; a misread belongs to one row's glare and noise. So the row's band
     * is blanked and the image read again, every row tried. Only that rung's reads are confirmed
     * so: asked of every rung, it cost reads the others make right (glare 0.6: 63 of 100 before,
     * 32 confirmed on every rung, 40 on this one alone), and no other rung gave a wrong value in
     * those 1300 frames (13 levels of 100).
     */
    static boolean confirmedOnAnotherRow(Result result, byte[] luma, int width, int height, boolean global, Map<DecodeHintType, Object> hints) {
        ResultPoint[] points = result.getResultPoints();
        if (points == null || points.length < 2) return false;
        ResultPoint first = points[0], last = points[points.length - 1];
        byte[] without = luma.clone();
        if (Math.abs(last.getX() - first.getX()) >= Math.abs(last.getY() - first.getY())) {
            int row = Math.round(first.getY());
            int band = Math.max(3, (int) Math.round(CONFIRMATION_BAND * height));
            for (int y = Math.max(0, row - band); y <= Math.min(height - 1, row + band); y++) {
                Arrays.fill(without, y * width, (y + 1) * width, (byte) 0x80);
            }
        } else {
            // Read along a column (TRY_HARDER's turned image): blank that column's band instead.
            int column = Math.round(first.getX());
            int band = Math.max(3, (int) Math.round(CONFIRMATION_BAND * width));
            for (int y = 0; y < height; y++) {
                Arrays.fill(without, y * width + Math.max(0, column - band), y * width + Math.min(width, column + band + 1), (byte) 0x80);
            }
        }
        Map<DecodeHintType, Object> harder = new EnumMap<>(DecodeHintType.class);
        harder.putAll(hints);
        harder.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        LuminanceSource source = new GrayscaleLuminanceSource(width, height, without);
        try {
            Result again = new Code128Reader().decode(new BinaryBitmap(global ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source)), harder);
            return again.getText().equals(result.getText());
        } catch (NotFoundException | FormatException e) {
            return false;
        }
    }

    /** A decoded text through the caller's checks: DECODED and kept, or REFUSED. */
    private Attempt accept(Rung rung, String variant, String text, Prepared images) {
        String at = variant.isEmpty() ? "" : variant + ": ";
        // With ISO-8859-1 asked for and no ECI in the code, each char is one payload byte.
        byte[] bytes = text.getBytes(kind == CodeKind.QR_CODE ? StandardCharsets.ISO_8859_1 : StandardCharsets.US_ASCII);
        Optional<Refusal> refusal = kind == CodeKind.QR_CODE ? payloadCheck.refuse(bytes) : barcodeCheck.refuse(text);
        if (refusal.isPresent()) return new Attempt(rung, Attempt.Outcome.REFUSED, at + refusal.get());
        images.acceptedBytes = bytes;
        images.acceptedText = text;
        return new Attempt(rung, Attempt.Outcome.DECODED, variant);
    }

    private DecodeResult.NotDecoded notDecoded(Frame frame, List<Attempt> attempts) {
        FrameDiagnosis diagnosis = FrameDiagnosis.of(frame);
        Optional<Attempt> refused = attempts.stream().filter(a -> a.outcome() == Attempt.Outcome.REFUSED).findFirst();
        if (refused.isPresent()) {
            return new DecodeResult.NotDecoded(kind, FailureReason.REFUSED, "decoded at " + refused.get().rung() + " but refused: " + refused.get().detail(), diagnosis, attempts);
        }
        boolean found = attempts.stream().anyMatch(a -> a.outcome() == Attempt.Outcome.CHECKSUM || a.outcome() == Attempt.Outcome.FORMAT);
        if (found) {
            return new DecodeResult.NotDecoded(kind, FailureReason.UNREADABLE, "code found but unreadable; " + diagnosis.guess(), diagnosis, attempts);
        }
        String what = kind == CodeKind.QR_CODE ? "no finder patterns on any rung" : "no Code 128 start and stop on any rung";
        return new DecodeResult.NotDecoded(kind, FailureReason.NO_CODE_FOUND, what + "; " + diagnosis.guess(), diagnosis, attempts);
    }

    /** The frame's prepared copies, each made once and only if a rung needs it. */
    private static final class Prepared {
        final Frame frame;
        private float[] denoisedFloat;
        private byte[] denoised;
        private byte[] stretched;
        private byte[] deskewed;
        private float[] deskewedFloat;
        private Preprocess.ModuleEstimate modulePx;
        byte[] acceptedBytes;
        String acceptedText;
        /** The QR frame's code box as {@link Rung#UPSCALED} scaled it, for {@link Rung#OTHER_VERSION}. */
        byte[] upscaled;
        int upscaledWidth;
        int upscaledHeight;

        void keepUpscaled(byte[] luma, int width, int height) {
            upscaled = luma;
            upscaledWidth = width;
            upscaledHeight = height;
        }

        Prepared(Frame frame) {
            this.frame = frame;
        }

        float[] denoisedFloat() {
            if (denoisedFloat == null) denoisedFloat = GrayFilters.median3(GrayFilters.toFloat(frame.luma()), frame.width(), frame.height());
            return denoisedFloat;
        }

        byte[] denoised() {
            if (denoised == null) denoised = GrayFilters.toBytes(denoisedFloat());
            return denoised;
        }

        byte[] stretched() {
            if (stretched == null) stretched = GrayFilters.toBytes(Preprocess.flattenAndStretch(denoisedFloat(), frame.width(), frame.height()));
            return stretched;
        }

        byte[] deskewedSmeared() {
            if (deskewed == null) deskewed = GrayFilters.toBytes(deskewedSmearedFloat());
            return deskewed;
        }

        float[] deskewedSmearedFloat() {
            if (deskewedFloat == null) deskewedFloat = Preprocess.deskewAndSmear(denoisedFloat(), frame.width(), frame.height());
            return deskewedFloat;
        }

        Preprocess.ModuleEstimate modulePx() {
            if (modulePx == null) modulePx = Preprocess.modulePx(frame.luma(), frame.width(), frame.height());
            return modulePx;
        }
    }
}
