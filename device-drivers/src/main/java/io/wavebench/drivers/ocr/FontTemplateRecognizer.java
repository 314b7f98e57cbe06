package io.wavebench.drivers.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads characters printed in one known typeface by matching each against templates drawn from
 * that face's font file at run time: the way the OCR faces were meant to be read (OCR-A, ISO
 * 1073-1, was drawn for template-matching readers). Characters are cut as connected marks of ink
 * (pieces that share columns are one character), each is scaled to a fixed height and compared
 * with every template of the alphabet by normalized correlation. A character is named only when
 * its best template correlates well ({@link #MIN_CORRELATION}) and clearly better than the second
 * best ({@link #MIN_MARGIN}); one character it is unsure of, or a mark too wide to be one
 * character, makes the whole answer empty with confidence 0: a refusal, never a guess.
 *
 * <p>The templates are drawn once per font and alphabet on {@link #open()}; reading keeps no
 * state, so one open recognizer may serve several threads.
 */
public final class FontTemplateRecognizer implements TextRecognizer {

    /**
     * A character's best template must correlate at least this well (1 = identical shape).
     * Measured on ImageMagick's card photos (blur σ up to 1.5 px, noise), as frames and as seen
     * through the simulated camera: OCR-A digits against OCR-A's templates, when named right, 0.82
     * to 1.00 (as frames almost all above 0.95); the best template when it names the digit wrong,
     * for OCR-A digits and for those of OCR-B, Liberation Sans and Serif and an embossed DejaVu
     * Sans Mono, at most 0.81 and 0.77. With the blurred templates ({@link #TEMPLATE_BLURS}), through
     * the camera (seed 2027, 2 cards a cell; each number group and each line of 4–6 marks read
     * against what it would say if it were the number or the expiry): OCR-A digits named right
     * 330 of 335 times; a wrong best template at most 0.83 (OCR-A) and 0.86 (OCR-B), each once
     * and both on a line of art whose other marks were refused (with sharp templates alone: at
     * most 0.64 and 0.72). A line is read only when every mark on it is named surely.
     */
    public static final double MIN_CORRELATION = 0.82;
    /**
     * ... and beat the second-best template by this much, or the character is refused. OCR-A
     * digits named right: 0.09 or more; the one wrong OCR-A match above 0.8 led by 0.02.
     */
    public static final double MIN_MARGIN = 0.08;
    /**
     * A character the recognizer is unsure of is still likely its best template at this
     * correlation or more ({@link #LIKELY_MARGIN}): what {@link #readLineWithOneLikely} may name.
     * Measured on the number lines of 60 OCR-A cards through the simulated camera (seed 2041, 3
     * frames each, 182 lines read as many characters as the number has): 164 named every
     * character surely, 14 all but one, and each of those 14 characters' best template was right,
     * at 0.755–0.820 and leading by 0.076–0.396; an art line's marks, wrong, reached such scores too,
     * which is why a likely character is named only on a line otherwise sure.
     */
    public static final double LIKELY_CORRELATION = 0.70;
    /** ... leading the second-best template by this much. */
    public static final double LIKELY_MARGIN = 0.05;
    /** A mark wider than this over its height is characters run together that could not be split ({@link Glyphs#splitRunTogether}). */
    private static final double MAX_ASPECT = Glyphs.MAX_SINGLE_ASPECT;
    /** A space is read where two characters stand further apart than this many character heights. */
    private static final double SPACE_GAP = 0.9;
    /**
     * Further blur (Gaussian σ, in pixels of the {@value Glyphs#SIZE}-pixel normalized glyph) the
     * templates are drawn at: a camera's blur, σ 2–4 card pixels on characters 35–50 px tall, is
     * 1.5–3.5 such pixels, and a sharp template compared with a blurred character loses most
     * where strokes meet (a small expiry's 1 and 3 at 0.73–0.80 against sharp templates).
     */
    static final double[] TEMPLATE_BLURS = {0, 1, 2, 3};

    private final Path fontFile;
    private final String alphabet;
    /** Each character's template at each of {@link #TEMPLATE_BLURS}, sharpest first. */
    private Map<Character, float[][]> templates;

    /**
     * @param fontFile the face's TrueType file (e.g. Debian's fonts-ocr-a: {@code /usr/share/fonts/truetype/ocr-a/OCRA.ttf})
     * @param alphabet the characters to draw templates for; a read's alphabet narrows it further
     */
    public FontTemplateRecognizer(Path fontFile, String alphabet) {
        this.fontFile = fontFile;
        this.alphabet = alphabet;
    }

    /** Why this font cannot be used here (missing or unreadable), or empty. */
    public static Optional<String> unavailable(Path fontFile) {
        if (!Files.isReadable(fontFile)) return Optional.of("font " + fontFile + " is not installed");
        return Optional.empty();
    }

    /** Draws the templates from the font file. */
    public synchronized FontTemplateRecognizer open() {
        if (templates != null) return this;
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile()).deriveFont(96f);
        } catch (IOException | FontFormatException e) {
            throw new OcrUnavailableException("font " + fontFile + " does not load: " + e.getMessage(), e);
        }
        Map<Character, float[][]> drawn = new LinkedHashMap<>();
        for (char c : alphabet.toCharArray()) {
            if (c == ' ' || !font.canDisplay(c)) continue;
            float[] template = draw(font, c);
            if (template == null) continue;
            float[][] blurred = new float[TEMPLATE_BLURS.length][];
            for (int i = 0; i < TEMPLATE_BLURS.length; i++) blurred[i] = Glyphs.blur(template, TEMPLATE_BLURS[i]);
            drawn.put(c, blurred);
        }
        if (drawn.isEmpty()) throw new OcrUnavailableException("font " + fontFile + " draws none of \"" + alphabet + "\"");
        templates = drawn;
        return this;
    }

    @Override
    public Recognized readLine(byte[] gray, int width, int height, String alphabet) {
        return read(gray, width, height, alphabet, true, 0);
    }

    @Override
    public Recognized readWord(byte[] gray, int width, int height, String alphabet) {
        return read(gray, width, height, alphabet, false, 0);
    }

    /**
     * As {@link #readLine}, but one character the recognizer is unsure of is named by its best
     * template where that is still likely ({@link #LIKELY_CORRELATION}, {@link #LIKELY_MARGIN})
     * and every other character is named surely. Only for text a check digit covers, checked by
     * the caller: a card number's Luhn digit detects any one digit named wrong (ISO/IEC 7812-1,
     * annex B): where the sure characters are right, a wrong likely one never passes it.
     */
    public Recognized readLineWithOneLikely(byte[] gray, int width, int height, String alphabet) {
        return read(gray, width, height, alphabet, true, 1);
    }

    /**
     * Each character's best and second-best template and their correlations, left to right:
     * what {@link #readLine} decides on (for tests and for tuning the thresholds).
     */
    public List<Match> matches(byte[] gray, int width, int height, String alphabet) {
        Map<Character, float[][]> t = templates();
        List<Glyphs.Glyph> glyphs = Glyphs.cut(gray, width, height);
        // One blur for the whole image, the one its characters resemble best on average: the
        // blur is the camera's, the same for every character, and a blur chosen for each mark
        // alone lets a wrong template fit one (an OCR-A 1 matched a blurred 4 at 0.83).
        List<Match> out = List.of();
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int level = 0; level < TEMPLATE_BLURS.length; level++) {
            List<Match> atLevel = new ArrayList<>();
            double sum = 0;
            for (Glyphs.Glyph g : glyphs) {
                Match m = match(g, t, alphabet, level);
                atLevel.add(m);
                sum += m.correlation();
            }
            double mean = glyphs.isEmpty() ? 0 : sum / glyphs.size();
            if (mean > bestMean) {
                bestMean = mean;
                out = atLevel;
            }
        }
        return out;
    }

    /** One character's comparison: the best template, the runner-up, and where the mark stood. */
    public record Match(char best, double correlation, char second, double secondCorrelation, int x0, int x1, int height, double aspect) {
        /** Whether this character may be named: a good likeness, clearly better than the next. */
        public boolean sure() {
            return aspect <= MAX_ASPECT && correlation >= MIN_CORRELATION && correlation - secondCorrelation >= MIN_MARGIN;
        }

        /** Whether this character, not sure, is still likely its best template ({@link #LIKELY_CORRELATION}). */
        public boolean likely() {
            return aspect <= MAX_ASPECT && correlation >= LIKELY_CORRELATION && correlation - secondCorrelation >= LIKELY_MARGIN;
        }

        @Override
        public String toString() {
            // What was matched is text being read (possibly a card number's digit): not shown.
            return String.format("Match[correlation %.3f, margin %.3f, aspect %.2f]", correlation, correlation - secondCorrelation, aspect);
        }
    }

    private Recognized read(byte[] gray, int width, int height, String alphabet, boolean spaces, int likelyAllowed) {
        if (gray.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + width * height + " bytes, got " + gray.length);
        }
        List<Match> matches = matches(gray, width, height, alphabet);
        if (matches.isEmpty()) return new Recognized("", 0);
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int likely = 0;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            if (!m.sure() && !(m.likely() && ++likely <= likelyAllowed)) return new Recognized("", 0);
            if (spaces && i > 0 && m.x0() - matches.get(i - 1).x1() > SPACE_GAP * m.height()) text.append(' ');
            text.append(m.best());
            confidence += 100 * m.correlation() / matches.size();
        }
        return new Recognized(text.toString(), confidence);
    }

    private Map<Character, float[][]> templates() {
        Map<Character, float[][]> t = templates;
        if (t == null) throw new IllegalStateException("FontTemplateRecognizer(" + fontFile + "): read before open()");
        return t;
    }

    private static Match match(Glyphs.Glyph g, Map<Character, float[][]> templates, String alphabet, int level) {
        char best = '?', second = '?';
        double b = -1, s = -1;
        for (Map.Entry<Character, float[][]> e : templates.entrySet()) {
            if (alphabet.indexOf(e.getKey()) < 0) continue;
            double r = correlation(g.normalized(), e.getValue()[level]);
            if (r > b) {
                second = best;
                s = b;
                best = e.getKey();
                b = r;
            } else if (r > s) {
                second = e.getKey();
                s = r;
            }
        }
        return new Match(best, b, second, s, g.x0(), g.x1(), g.y1() - g.y0() + 1, (g.x1() - g.x0() + 1) / (double) (g.y1() - g.y0() + 1));
    }

    /** Pearson correlation of two equally sized images. */
    static double correlation(float[] a, float[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    /** One character drawn large in the font and cut and normalized as a read's characters are. */
    private static float[] draw(Font font, char c) {
        int size = font.getSize();
        BufferedImage image = new BufferedImage(size * 2, size * 2, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.drawString(String.valueOf(c), size / 2, size * 3 / 2);
        g.dispose();
        byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        List<Glyphs.Glyph> glyphs = Glyphs.cut(gray, image.getWidth(), image.getHeight());
        if (glyphs.isEmpty()) return null;
        // A character the cut splits in two (a colon) is one template: take the union.
        int x0 = glyphs.stream().mapToInt(Glyphs.Glyph::x0).min().orElseThrow(), x1 = glyphs.stream().mapToInt(Glyphs.Glyph::x1).max().orElseThrow();
        int y0 = glyphs.stream().mapToInt(Glyphs.Glyph::y0).min().orElseThrow(), y1 = glyphs.stream().mapToInt(Glyphs.Glyph::y1).max().orElseThrow();
        return Glyphs.normalize(Glyphs.ink(gray), image.getWidth(), x0, y0, x1, y1);
    }

    @Override
    public void close() {
        // Nothing native to free: the templates are plain arrays.
    }
}
