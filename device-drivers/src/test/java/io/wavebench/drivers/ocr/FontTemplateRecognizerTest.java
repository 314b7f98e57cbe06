package io.wavebench.drivers.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The template reader on digits drawn in OCR-A (Debian's fonts-ocr-a) by Java2D at another size
 * than its templates, softened and noised like a photo: read back; a character of another face or
 * two run together make the whole read empty, never a guess.
 */
class FontTemplateRecognizerTest {

    private static final Path OCR_A = Path.of("/usr/share/fonts/truetype/ocr-a/OCRA.ttf");
    private static final String DIGITS = "0123456789";
    private static Font ocrA;
    private static FontTemplateRecognizer reader;

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(FontTemplateRecognizer.unavailable(OCR_A).isEmpty(),
                () -> FontTemplateRecognizer.unavailable(OCR_A).orElse("") + " (apt-get install fonts-ocr-a; ./test installs it)");
        ocrA = Font.createFont(Font.TRUETYPE_FONT, OCR_A.toFile());
        reader = new FontTemplateRecognizer(OCR_A, DIGITS + "/").open();
    }

    /** Characters drawn one by one at a fixed pitch, dark on light, softened (σ ≈ 1 px) and noised. */
    private static BufferedImage draw(String[] characters, Font[] fonts, double pitch, long seed) {
        int size = 44;
        BufferedImage image = new BufferedImage((int) (40 + characters.length * pitch), 80, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(30, 30, 30));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < characters.length; i++) {
            g.setFont(fonts[i].deriveFont((float) size));
            g.drawString(characters[i], (float) (20 + i * pitch), 60f);
        }
        g.dispose();
        float[] k = {0.0625f, 0.125f, 0.0625f, 0.125f, 0.25f, 0.125f, 0.0625f, 0.125f, 0.0625f};
        BufferedImage soft = new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        byte[] px = pixels(soft);
        SplittableRandom noise = new SplittableRandom(seed);
        for (int i = 0; i < px.length; i++) px[i] = (byte) Math.max(0, Math.min(255, (px[i] & 0xFF) + (int) Math.round(noise.nextGaussian() * 8)));
        return soft;
    }

    private static BufferedImage ocrA(String text, double pitch, long seed) {
        String[] chars = text.split("");
        Font[] fonts = new Font[chars.length];
        java.util.Arrays.fill(fonts, ocrA);
        return draw(chars, fonts, pitch, seed);
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static Recognized word(BufferedImage image) {
        return reader.readWord(pixels(image), image.getWidth(), image.getHeight(), DIGITS);
    }

    @Test
    void reads_seeded_ocr_a_digit_groups_back() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 20; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 4 + n % 3; i++) text.append((char) ('0' + random.nextInt(10)));
            Recognized r = word(ocrA(text.toString(), 34, n));
            assertEquals(text.toString(), r.text(), "group " + n);
            assertTrue(r.confidence() >= 100 * FontTemplateRecognizer.MIN_CORRELATION, "confidence " + r.confidence());
        }
    }

    @Test
    void reads_a_line_with_its_spaces_and_an_expiry_with_its_slash() {
        BufferedImage line = ocrA("1234    5678", 30, 3);
        assertEquals("1234 5678", reader.readLine(pixels(line), line.getWidth(), line.getHeight(), DIGITS).text());
        BufferedImage date = ocrA("09/31", 30, 4);
        assertEquals("09/31", reader.readLine(pixels(date), date.getWidth(), date.getHeight(), DIGITS + "/").text());
    }

    @Test
    void one_digit_of_another_face_refuses_the_whole_group() {
        Font sans = new Font(Font.SANS_SERIF, Font.PLAIN, 44);
        Font serif = new Font(Font.SERIF, Font.PLAIN, 44);
        for (Font other : new Font[] {sans, serif}) {
            String[] chars = {"4", "2", "5", "8"};
            Font[] fonts = {ocrA, ocrA, other, ocrA};
            BufferedImage group = draw(chars, fonts, 34, 5);
            List<FontTemplateRecognizer.Match> matches = reader.matches(pixels(group), group.getWidth(), group.getHeight(), DIGITS);
            assertEquals(4, matches.size(), "four characters cut");
            assertFalse(matches.get(2).sure(), other.getFamily() + "'s 5 among OCR-A digits: " + matches.get(2));
            Recognized r = word(group);
            assertEquals("", r.text(), "an unsure character refuses its group, it is not guessed (" + other.getFamily() + ")");
            assertEquals(0, r.confidence());
        }
    }

    @Test
    void digits_run_together_are_split_at_the_faces_pitch_and_read() {
        BufferedImage group = ocrA("3808", 21, 6);
        List<FontTemplateRecognizer.Match> matches = reader.matches(pixels(group), group.getWidth(), group.getHeight(), DIGITS);
        assertEquals(4, matches.size(), "one mark of four digits that touch, cut into four");
        assertEquals("3808", word(group).text());
    }

    @Test
    void digits_as_blurred_as_a_camera_frame_are_read() {
        // A small expiry through the camera: 35 px digits blurred by σ 2.5 px, contrast stretched
        // and clipped as the card capture's crops are (ink saturates, strokes thicken). Against
        // sharp templates alone, the 1 of 10/30 correlates 0.76 and its 3 0.80: refused.
        for (String text : new String[] {"01/29", "10/30", "07/32", "11/28"}) {
            BufferedImage image = blurred(ocrA(text, 24, 8), 2.5);
            Recognized r = reader.readLine(pixels(image), image.getWidth(), image.getHeight(), DIGITS + "/");
            assertEquals(text, r.text(), "blurred " + text + ": " + reader.matches(pixels(image), image.getWidth(), image.getHeight(), DIGITS + "/"));
        }
    }

    /** The image blurred by a Gaussian of {@code sigma} px and stretched so that its ink clips at half strength. */
    private static BufferedImage blurred(BufferedImage sharp, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        float sum = 0;
        for (int j = -r; j <= r; j++) sum += k[j + r] = (float) Math.exp(-j * j / (2 * sigma * sigma));
        for (int j = 0; j < k.length; j++) k[j] /= sum;
        BufferedImage padded = new BufferedImage(sharp.getWidth() + 2 * r, sharp.getHeight() + 2 * r, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = padded.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, padded.getWidth(), padded.getHeight());
        g.drawImage(sharp, r, r, null);
        g.dispose();
        BufferedImage across = new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_NO_OP, null).filter(padded, null);
        BufferedImage soft = new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_NO_OP, null).filter(across, null);
        byte[] px = pixels(soft);
        for (int i = 0; i < px.length; i++) {
            double ink = 1 - (px[i] & 0xFF) / 255.0;
            px[i] = (byte) Math.round(255 * (1 - Math.min(1, Math.max(0, (ink / 0.5 - 0.25) / 0.75))));
        }
        return soft;
    }

    @Test
    void a_digit_the_cards_art_crosses_is_named_only_where_one_likely_digit_is_allowed() {
        // A card's art crossing one digit of a number line (a grey ring of a busy card): that
        // digit's best template still leads, below the sure bar.
        BufferedImage line = crossed(ocrA("4258 1234", 34, 9), 6, 1);
        List<FontTemplateRecognizer.Match> matches = reader.matches(pixels(line), line.getWidth(), line.getHeight(), DIGITS);
        assertEquals(8, matches.size());
        FontTemplateRecognizer.Match crossed = matches.get(5);
        assertFalse(crossed.sure(), "the crossed 2: " + crossed);
        assertTrue(crossed.likely(), "the crossed 2: " + crossed);
        assertEquals("", reader.readLine(pixels(line), line.getWidth(), line.getHeight(), DIGITS).text(), "an unsure digit refuses the line");
        assertEquals("4258 1234", reader.readLineWithOneLikely(pixels(line), line.getWidth(), line.getHeight(), DIGITS).text());

        BufferedImage twice = crossed(crossed(ocrA("4258 1234", 34, 9), 6, 1), 1, 1);
        assertEquals("", reader.readLineWithOneLikely(pixels(twice), twice.getWidth(), twice.getHeight(), DIGITS).text(),
                "two digits short of sure refuse the line: " + reader.matches(pixels(twice), twice.getWidth(), twice.getHeight(), DIGITS));
    }

    /** The image with a grey stroke drawn across character {@code index} (of a line drawn at pitch 34 from x 20). */
    private static BufferedImage crossed(BufferedImage image, int index, int seed) {
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(110, 110, 110));
        g.setStroke(new java.awt.BasicStroke(4f));
        int x = 20 + index * 34;
        g.drawLine(x + 3, 34 + seed, x + 21, 44 - seed);
        g.dispose();
        return image;
    }

    @Test
    void reading_before_open_and_a_missing_font_say_what() {
        FontTemplateRecognizer closed = new FontTemplateRecognizer(OCR_A, DIGITS);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.readWord(new byte[4], 2, 2, DIGITS));
        assertTrue(e.getMessage().contains("before open()"), e.getMessage());
        Path nowhere = Path.of("/nonexistent/OCRA.ttf");
        assertTrue(FontTemplateRecognizer.unavailable(nowhere).orElseThrow().contains(nowhere.toString()));
    }
}
