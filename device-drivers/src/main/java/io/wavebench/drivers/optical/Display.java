package io.wavebench.drivers.optical;

/**
 * The pixels of a screen and how dense they are: a phone's display in the simulation, a monitor
 * on a bench rig. Density matters because the camera sees millimetres, not pixels.
 */
public record Display(int widthPx, int heightPx, double ppi) {

    /** A common phone: 1080×2340 at about 400 ppi (68 × 149 mm). */
    public static final Display PHONE = new Display(1080, 2340, 400);

    public Display {
        if (widthPx <= 0 || heightPx <= 0) throw new IllegalArgumentException("display size must be positive: " + widthPx + "×" + heightPx);
        if (!(ppi > 0)) throw new IllegalArgumentException("display ppi must be positive: " + ppi);
    }

    public double mmPerPixel() {
        return 25.4 / ppi;
    }
}
