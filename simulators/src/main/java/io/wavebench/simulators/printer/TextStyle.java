package io.wavebench.simulators.printer;

/** How a run of text was printed: ESC E, GS !, ESC - as they were when it arrived. */
public record TextStyle(boolean bold, int width, int height, int underlineDots) {

    /** Power-on / ESC @ style. */
    public static final TextStyle NORMAL = new TextStyle(false, 1, 1, 0);

    public TextStyle withBold(boolean on) {
        return new TextStyle(on, width, height, underlineDots);
    }

    public TextStyle withSize(int w, int h) {
        return new TextStyle(bold, w, h, underlineDots);
    }

    public TextStyle withUnderline(int dots) {
        return new TextStyle(bold, width, height, dots);
    }
}
