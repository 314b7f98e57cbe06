package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.drivers.ocr.TextRecognizer;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.GrayFilters;
import io.wavebench.simulators.reader.card.CardPhotoReader.FrameRead;
import io.wavebench.simulators.reader.card.CardReading.RetakeReason;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The blur check (DESIGN §5.4) is made on the number's own print: a hologram far darker than the
 * print, its edges soft, gives the whole card a step the print's slopes do not belong to.
 */
class CardPrintBlurTest {

    private static final String NUMBER = "4111 1111 1111 1111";
    private static final int X0 = 172, Y0 = 130;

    /** A light card, 856×540 in a 1200×800 frame on a dark table, its number mid-grey, a soft black hologram above it if asked; all blurred by {@code sigma}. */
    private static Frame photo(double sigma, boolean hologram) {
        return photo(sigma, hologram, false, Font.BOLD, 44);
    }

    /**
     * As {@link #photo(double, boolean)}, the number in a font of this style and size, and with
     * {@code logo} its groups at a card's pitch (19 mm) and a sharp-edged black logo above them
     * (far darker than the print, as an issuer's mark is).
     */
    private static Frame photo(double sigma, boolean hologram, boolean logo, int fontStyle, int fontSize) {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(X0, Y0, CardFace.WIDTH, CardFace.HEIGHT);
        g.setColor(new Color(120, 120, 120));
        g.setFont(new Font(Font.SANS_SERIF, fontStyle, fontSize));
        if (logo) {
            String[] groups = NUMBER.split(" ");
            for (int k = 0; k < groups.length; k++) g.drawString(groups[k], X0 + 80 + 180 * k, Y0 + 340);
            g.setColor(new Color(10, 10, 10));
            g.fillRect(X0 + 80, Y0 + 60, 160, 100);
        } else {
            g.drawString(NUMBER, X0 + 80, Y0 + 340);
        }
        g.dispose();
        float[] luma = new float[1200 * 800];
        image.getRaster().getPixels(0, 0, 1200, 800, luma);
        if (hologram) {
            // A hologram's dark cloud: 190 levels under the card at its heart (70 under the print),
            // its slopes under 4 levels a pixel (the print's, blurred by sigma 2: 16).
            for (int y = Y0 + 30; y < Y0 + 270; y++) {
                for (int x = X0 + 540; x < X0 + 840; x++) {
                    double r2 = Math.pow(x - (X0 + 690), 2) + Math.pow(y - (Y0 + 150), 2);
                    luma[y * 1200 + x] -= (float) (190 * Math.min(1, 1.6 * Math.exp(-r2 / (2 * 50 * 50))));
                }
            }
        }
        luma = GrayFilters.gaussian(luma, 1200, 800, sigma);
        byte[] bytes = new byte[luma.length];
        for (int i = 0; i < luma.length; i++) bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(luma[i])));
        return new Frame(1200, 800, bytes, 0);
    }

    private static CardFace face(Frame frame) {
        return CardFace.rectify(frame, new double[] {X0, Y0, X0 + CardFace.WIDTH, Y0, X0 + CardFace.WIDTH, Y0 + CardFace.HEIGHT, X0, Y0 + CardFace.HEIGHT});
    }

    private static TextLines.Line numberLine(CardFace face) {
        return TextLines.find(face, 18, 80).stream().filter(l -> l.marks() >= 10).max(Comparator.comparingInt(l -> l.x1() - l.x0())).orElseThrow();
    }

    /** An OCR engine that reads the number from any crop: what refuses a frame here is the blur check alone. */
    private static final TextRecognizer READS_THE_NUMBER = new TextRecognizer() {
        @Override
        public Recognized readLine(byte[] gray, int width, int height, String alphabet) {
            return new Recognized(NUMBER, 90);
        }

        @Override
        public void close() {}
    };

    private static FrameRead readFrame(Frame frame) {
        return readFrame(frame, READS_THE_NUMBER);
    }

    private static FrameRead readFrame(Frame frame, TextRecognizer ocr) {
        CardPhotoReader reader = new CardPhotoReader("test", null, ocr, (p, e, r) -> {
            throw new AssertionError("readFrame tokenizes nothing");
        }, Clock.systemUTC(), 3);
        return reader.readFrame(frame);
    }

    /** Within a fifth while the digits' strokes (6–7 px) are wider than the blur; past it a stroke no longer reaches its full ink, and the estimate runs low (sigma 5: 4.15). */
    @Test
    void the_print_blur_is_the_blur_the_print_was_given() {
        for (double sigma : new double[] {1.5, 2.5, 3.5}) {
            CardFace face = face(photo(sigma, true));
            assertEquals(sigma, face.blurSigma(numberLine(face)), 0.2 * sigma, "print blurred by sigma " + sigma);
        }
    }

    @Test
    void a_hologram_darker_than_the_print_does_not_change_the_print_blur() {
        CardFace plain = face(photo(2, false));
        CardFace withHologram = face(photo(2, true));
        assertEquals(plain.blurSigma(numberLine(plain)), withHologram.blurSigma(numberLine(withHologram)), 0.05);
        assertTrue(withHologram.blurSigma() > 1.4 * plain.blurSigma(), "the whole card's step is the hologram's: " + withHologram.blurSigma() + " against " + plain.blurSigma());
    }

    @Test
    void a_sharp_number_on_a_card_with_a_dark_hologram_is_read() {
        Frame frame = photo(2, true);
        assertTrue(face(frame).blurSigma() > CardPhotoReader.BLUR_LIMIT_PX, "the whole card measures too blurry: " + face(frame).blurSigma());
        FrameRead read = readFrame(frame);
        assertEquals(null, read.problem());
        assertEquals("4111111111111111", read.pan().revealDigits());
        assertFalse(read.soft());
    }

    @Test
    void a_blurred_number_is_still_too_blurry_and_a_softer_one_soft() {
        Frame blurred = photo(6, true);
        assertTrue(face(blurred).blurSigma(numberLine(face(blurred))) > CardPhotoReader.BLUR_LIMIT_PX);
        assertEquals(RetakeReason.TOO_BLURRY, readFrame(blurred).problem());
        Frame soft = photo(4.5, true);
        double sigma = face(soft).blurSigma(numberLine(face(soft)));
        assertTrue(sigma > CardPhotoReader.SHARP_LIMIT_PX && sigma <= CardPhotoReader.BLUR_LIMIT_PX, "between the limits: " + sigma);
        FrameRead read = readFrame(soft);
        assertEquals("4111111111111111", read.pan().revealDigits());
        assertTrue(read.soft());
    }

    /** An OCR engine that reads nothing from any crop. */
    private static final TextRecognizer READS_NOTHING = new TextRecognizer() {
        @Override
        public Recognized readLine(byte[] gray, int width, int height, String alphabet) {
            return new Recognized("", 0);
        }

        @Override
        public void close() {}
    };

    /**
     * A photo blurred about as wide as its print's strokes (bold 44 px digits blurred by sigma
     * 4.5) under a sharp black logo: the print's measure runs under the limit (3.66), the card's,
     * its step the logo's, does not (4.59). Where nothing is read the frame is too blurry, not
     * unreadable (a fixtures' photo blurred by 9 px, seen through a screen, was refused as
     * unreadable).
     */
    @Test
    void a_photo_blurred_past_its_strokes_that_reads_nothing_is_too_blurry() {
        Frame frame = photo(4.5, false, true, Font.BOLD, 44);
        CardFace face = face(frame);
        double print = face.blurSigma(numberLine(face));
        assertTrue(print <= CardPhotoReader.BLUR_LIMIT_PX, "the print's measure runs low: " + print);
        assertTrue(face.blurSigma() > CardPhotoReader.BLUR_LIMIT_PX, "the card's does not: " + face.blurSigma());
        assertEquals(RetakeReason.TOO_BLURRY, readFrame(frame, READS_NOTHING).problem());
        FrameRead read = readFrame(frame, READS_THE_NUMBER);
        assertEquals("4111111111111111", read.pan().revealDigits());
        assertTrue(read.soft(), "read, but soft: " + print);
    }

    @Test
    void a_sharp_photo_whose_number_cannot_be_read_is_unreadable() {
        assertEquals(RetakeReason.NUMBER_UNREADABLE, readFrame(photo(2, false), READS_NOTHING).problem());
    }
}
