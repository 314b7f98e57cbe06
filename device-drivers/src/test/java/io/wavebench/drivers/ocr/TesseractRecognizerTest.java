package io.wavebench.drivers.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tesseract through the Maven natives and traineddata: text rendered to pixels comes back. */
class TesseractRecognizerTest {

    private static BufferedImage line(String text, int size) {
        BufferedImage image = new BufferedImage(40 + text.length() * size, size * 2, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        g.drawString(text, 20, (int) (size * 1.4));
        g.dispose();
        return image;
    }

    private static Recognized read(TesseractRecognizer ocr, BufferedImage image, String alphabet) {
        byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return ocr.readLine(gray, image.getWidth(), image.getHeight(), alphabet);
    }

    @Test
    void reads_seeded_digit_groups_back_from_pixels() {
        SplittableRandom random = new SplittableRandom(7);
        try (TesseractRecognizer ocr = new TesseractRecognizer().open()) {
            for (int n = 0; n < 10; n++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 16; i++) {
                    if (i > 0 && i % 4 == 0) text.append(' ');
                    text.append((char) ('0' + random.nextInt(10)));
                }
                Recognized r = read(ocr, line(text.toString(), 40), "0123456789");
                assertEquals(text.toString().replace(" ", ""), r.text().replace(" ", ""), "line " + n);
                assertTrue(r.confidence() > 60, "a clean line is read with confidence, got " + r.confidence());
            }
        }
    }

    @Test
    void answers_only_with_the_alphabet_it_was_given() {
        try (TesseractRecognizer ocr = new TesseractRecognizer().open()) {
            Recognized r = read(ocr, line("VALID 12/29", 40), "0123456789/");
            assertTrue(r.text().matches("[0-9/ ]*"), "only digits, slash and space allowed, got " + r.text().length() + " characters");
            assertTrue(r.text().contains("12/29"), r.text());
        }
    }

    @Test
    void recognized_text_is_never_printed() {
        assertFalse(new Recognized("4539148803436467", 90).toString().contains("4539"));
    }

    @Test
    void reading_before_open_names_the_mistake() {
        try (TesseractRecognizer ocr = new TesseractRecognizer()) {
            var e = assertThrows(IllegalStateException.class, () -> ocr.readLine(new byte[4], 2, 2, "0"));
            assertTrue(e.getMessage().contains("before open()"), e.getMessage());
        }
    }

    @Test
    void a_wrongly_sized_image_is_refused() {
        try (TesseractRecognizer ocr = new TesseractRecognizer().open()) {
            assertThrows(IllegalArgumentException.class, () -> ocr.readLine(new byte[5], 2, 2, "0"));
        }
    }
}
