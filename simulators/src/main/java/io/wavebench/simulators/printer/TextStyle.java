package io.wavebench.simulators.printer;

/**
 * How a run of text was printed: emphasis (ESC E, ESC G, ESC !), size (GS !, ESC !), underline
 * (ESC -, ESC !), font (ESC M, ESC !) and white/black reverse (GS B) as they were when it arrived.
 *
 * @param font 0 Font A (12 x 24 dots), 1 Font B (9 x 17), 2 Font C (drawn as Font B)
 */
public record TextStyle(boolean bold, int width, int height, int underlineDots, int font, boolean inverse) {

    /** Power-on / ESC @ style. */
    public static final TextStyle NORMAL = new TextStyle(false, 1, 1, 0, 0, false);

    /** Font A, not reversed. */
    public TextStyle(boolean bold, int width, int height, int underlineDots) {
        this(bold, width, height, underlineDots, 0, false);
    }

    public TextStyle withBold(boolean on) {
        return new TextStyle(on, width, height, underlineDots, font, inverse);
    }

    public TextStyle withSize(int w, int h) {
        return new TextStyle(bold, w, h, underlineDots, font, inverse);
    }

    public TextStyle withUnderline(int dots) {
        return new TextStyle(bold, width, height, dots, font, inverse);
    }

    public TextStyle withFont(int f) {
        return new TextStyle(bold, width, height, underlineDots, f, inverse);
    }

    public TextStyle withInverse(boolean on) {
        return new TextStyle(bold, width, height, underlineDots, font, on);
    }

    /** Character cell width in dots, magnification included (Epson: Font A 12, Font B and C 9). */
    public int cellWidth() {
        return (font == 0 ? 12 : 9) * width;
    }

    /** Character cell height in dots, magnification included (Epson: Font A 24, Font B and C 17). */
    public int cellHeight() {
        return (font == 0 ? 24 : 17) * height;
    }
}
