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
import java.util.Comparator;
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
     * Sans Mono, at most 0.81 and 0.77.
     */
    public static final double MIN_CORRELATION = 0.82;
    /**
     * ... and beat the second-best template by this much, or the character is refused. OCR-A
     * digits named right: 0.09 or more; the one wrong OCR-A match above 0.8 led by 0.02.
     */
    public static final double MIN_MARGIN = 0.08;
    /** Normalized glyph size: every mark is scaled to this height, and centred in a square of it. */
    static final int SIZE = 32;
    /** A mark wider than this over its height is two characters run together (no OCR digit is). */
    private static final double MAX_ASPECT = 1.05;
    /** A space is read where two characters stand further apart than this many character heights. */
    private static final double SPACE_GAP = 0.9;

    private final Path fontFile;
    private final String alphabet;
    private Map<Character, float[]> templates;

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
        Map<Character, float[]> drawn = new LinkedHashMap<>();
        for (char c : alphabet.toCharArray()) {
            if (c == ' ' || !font.canDisplay(c)) continue;
            Glyph g = draw(font, c);
            if (g != null) drawn.put(c, g.normalized);
        }
        if (drawn.isEmpty()) throw new OcrUnavailableException("font " + fontFile + " draws none of \"" + alphabet + "\"");
        templates = drawn;
        return this;
    }

    @Override
    public Recognized readLine(byte[] gray, int width, int height, String alphabet) {
        return read(gray, width, height, alphabet, true);
    }

    @Override
    public Recognized readWord(byte[] gray, int width, int height, String alphabet) {
        return read(gray, width, height, alphabet, false);
    }

    /**
     * Each character's best and second-best template and their correlations, left to right:
     * what {@link #readLine} decides on (for tests and for tuning the thresholds).
     */
    public List<Match> matches(byte[] gray, int width, int height, String alphabet) {
        Map<Character, float[]> t = templates();
        List<Match> out = new ArrayList<>();
        for (Glyph g : cut(gray, width, height)) out.add(match(g, t, alphabet));
        return out;
    }

    /** One character's comparison: the best template, the runner-up, and where the mark stood. */
    public record Match(char best, double correlation, char second, double secondCorrelation, int x0, int x1, int height, double aspect) {
        /** Whether this character may be named: a good likeness, clearly better than the next. */
        public boolean sure() {
            return aspect <= MAX_ASPECT && correlation >= MIN_CORRELATION && correlation - secondCorrelation >= MIN_MARGIN;
        }

        @Override
        public String toString() {
            // What was matched is text being read (possibly a card number's digit): not shown.
            return String.format("Match[correlation %.3f, margin %.3f, aspect %.2f]", correlation, correlation - secondCorrelation, aspect);
        }
    }

    private Recognized read(byte[] gray, int width, int height, String alphabet, boolean spaces) {
        if (gray.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + width * height + " bytes, got " + gray.length);
        }
        List<Match> matches = matches(gray, width, height, alphabet);
        if (matches.isEmpty()) return new Recognized("", 0);
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            if (!m.sure()) return new Recognized("", 0);
            if (spaces && i > 0 && m.x0() - matches.get(i - 1).x1() > SPACE_GAP * m.height()) text.append(' ');
            text.append(m.best());
            confidence += 100 * m.correlation() / matches.size();
        }
        return new Recognized(text.toString(), confidence);
    }

    private Map<Character, float[]> templates() {
        Map<Character, float[]> t = templates;
        if (t == null) throw new IllegalStateException("FontTemplateRecognizer(" + fontFile + "): read before open()");
        return t;
    }

    private static Match match(Glyph g, Map<Character, float[]> templates, String alphabet) {
        char best = '?', second = '?';
        double b = -1, s = -1;
        for (Map.Entry<Character, float[]> e : templates.entrySet()) {
            if (alphabet.indexOf(e.getKey()) < 0) continue;
            double r = correlation(g.normalized, e.getValue());
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
        return new Match(best, b, second, s, g.x0, g.x1, g.y1 - g.y0 + 1, (g.x1 - g.x0 + 1) / (double) (g.y1 - g.y0 + 1));
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

    /** A character cut from an image: its box there and its normalized picture (ink 0..1). */
    private record Glyph(int x0, int y0, int x1, int y1, float[] normalized) {}

    private static Glyph draw(Font font, char c) {
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
        List<Glyph> glyphs = cut(gray, image.getWidth(), image.getHeight());
        if (glyphs.isEmpty()) return null;
        // A character the cut splits in two (a colon) is one template: take the union.
        int x0 = glyphs.stream().mapToInt(Glyph::x0).min().orElseThrow(), x1 = glyphs.stream().mapToInt(Glyph::x1).max().orElseThrow();
        int y0 = glyphs.stream().mapToInt(Glyph::y0).min().orElseThrow(), y1 = glyphs.stream().mapToInt(Glyph::y1).max().orElseThrow();
        return new Glyph(x0, y0, x1, y1, normalize(ink(gray), image.getWidth(), x0, y0, x1, y1));
    }

    private static float[] ink(byte[] gray) {
        float[] ink = new float[gray.length];
        for (int i = 0; i < gray.length; i++) ink[i] = 1 - (gray[i] & 0xFF) / 255f;
        return ink;
    }

    /**
     * The characters of a dark-on-light image, left to right: connected marks of ink (darker than
     * mid-grey), pieces that overlap in columns joined as one character; marks under a third of
     * the tallest's height (specks, a dot of dirt) are not characters.
     */
    private static List<Glyph> cut(byte[] gray, int w, int h) {
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) mask[i] = (gray[i] & 0xFF) < 128;
        List<int[]> boxes = components(mask, w, h);
        int tallest = boxes.stream().mapToInt(b -> b[3] - b[1] + 1).max().orElse(0);
        List<int[]> marks = new ArrayList<>(boxes.stream().filter(b -> b[3] - b[1] + 1 >= tallest / 3.0).toList());
        marks.sort(Comparator.comparingInt(b -> b[0]));
        List<int[]> joined = new ArrayList<>();
        for (int[] b : marks) {
            int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            int overlap = last == null ? -1 : Math.min(last[2], b[2]) - Math.max(last[0], b[0]);
            if (last != null && overlap > 0.5 * Math.min(last[2] - last[0] + 1, b[2] - b[0] + 1)) {
                last[0] = Math.min(last[0], b[0]);
                last[1] = Math.min(last[1], b[1]);
                last[2] = Math.max(last[2], b[2]);
                last[3] = Math.max(last[3], b[3]);
            } else {
                joined.add(b.clone());
            }
        }
        float[] ink = ink(gray);
        List<Glyph> out = new ArrayList<>();
        for (int[] b : joined) out.add(new Glyph(b[0], b[1], b[2], b[3], normalize(ink, w, b[0], b[1], b[2], b[3])));
        return out;
    }

    /** Boxes {x0, y0, x1, y1} of the 8-connected components of a mask. */
    private static List<int[]> components(boolean[] mask, int w, int h) {
        boolean[] seen = new boolean[mask.length];
        int[] stack = new int[mask.length];
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || seen[start]) continue;
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            while (sp > 0) {
                int i = stack[--sp];
                int x = i % w, y = i / w;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int j = ny * w + nx;
                        if (mask[j] && !seen[j]) {
                            seen[j] = true;
                            stack[sp++] = j;
                        }
                    }
                }
            }
            out.add(new int[] {x0, y0, x1, y1});
        }
        return out;
    }

    /**
     * The box's ink scaled to {@link #SIZE} tall (its width by the same factor, so a narrow "1"
     * stays narrow), centred in a {@link #SIZE} square, then softened (Gaussian σ 1 px) so that a
     * stroke a pixel thicker or thinner than the font's changes the correlation little.
     */
    private static float[] normalize(float[] ink, int w, int x0, int y0, int x1, int y1) {
        int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
        double scale = SIZE / (double) bh;
        double offset = (SIZE - bw * scale) / 2;
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                // Area average of the source pixels under this target pixel.
                double sx0 = x0 + (x - offset) / scale, sx1 = x0 + (x + 1 - offset) / scale;
                double sy0 = y0 + y / scale, sy1 = y0 + (y + 1) / scale;
                out[y * SIZE + x] = (float) average(ink, w, x0, y0, x1, y1, sx0, sy0, sx1, sy1);
            }
        }
        return soften(out);
    }

    private static double average(float[] ink, int w, int bx0, int by0, int bx1, int by1, double sx0, double sy0, double sx1, double sy1) {
        double sum = 0, area = 0;
        for (int y = (int) Math.floor(sy0); y < Math.ceil(sy1); y++) {
            double wy = Math.min(sy1, y + 1) - Math.max(sy0, y);
            if (wy <= 0) continue;
            for (int x = (int) Math.floor(sx0); x < Math.ceil(sx1); x++) {
                double wx = Math.min(sx1, x + 1) - Math.max(sx0, x);
                if (wx <= 0) continue;
                // Outside the character's box counts as paper: a neighbour's ink is not this character's.
                float v = x < bx0 || x > bx1 || y < by0 || y > by1 ? 0 : ink[y * w + x];
                sum += v * wx * wy;
                area += wx * wy;
            }
        }
        return area == 0 ? 0 : sum / area;
    }

    private static float[] soften(float[] in) {
        float[] k = {0.054f, 0.244f, 0.403f, 0.244f, 0.054f}; // Gaussian, σ = 1
        float[] rows = new float[in.length], out = new float[in.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float s = 0;
                for (int j = -2; j <= 2; j++) s += k[j + 2] * in[y * SIZE + Math.min(SIZE - 1, Math.max(0, x + j))];
                rows[y * SIZE + x] = s;
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float s = 0;
                for (int j = -2; j <= 2; j++) s += k[j + 2] * rows[Math.min(SIZE - 1, Math.max(0, y + j)) * SIZE + x];
                out[y * SIZE + x] = s;
            }
        }
        return out;
    }

    @Override
    public void close() {
        // Nothing native to free: the templates are plain arrays.
    }
}
