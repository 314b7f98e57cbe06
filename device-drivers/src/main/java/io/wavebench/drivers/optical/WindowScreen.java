package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.CodeSymbol;
import io.wavebench.drivers.wait.DeviceNotReadyException;
import io.wavebench.drivers.wait.Wait;
import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bench backing of {@link Screen}: a borderless full-screen AWT window on one of the rig's
 * displays, in front of the real reader's camera (DESIGN §3). The rig names the display by its
 * AWT id ({@code GraphicsDevice.getIDstring()}, e.g. {@code :0.1}) or by index, and states its
 * density, since the monitor's ppi decides how big a module is.
 *
 * <p>The phone's page is drawn at a phone's physical size ({@link Display#PHONE}'s 69 × 149 mm,
 * at the monitor's ppi), centred on black, so the reader's camera sees a code as big as on a
 * phone: across a whole 24-inch monitor a QR code would be a poster its camera cannot frame. A
 * monitor smaller than a phone gives the page all it has. {@link #display()} is that page, so a
 * code is laid out at a whole number of monitor pixels per module ({@link PaymentPage}), and a
 * monitor too coarse for 3 px per module is refused with the figures, not shown blurred.
 *
 * <p>Brightness is simulated by darkening the pixels: the monitor's backlight is not ours to set.
 * There is no bench {@link Camera}: a bench reader looks with its own camera, inside the device
 * under test.
 */
public final class WindowScreen implements Screen {

    private final String displayId;
    private final double ppi;
    private GraphicsDevice device;
    private Frame window;
    private Display display;
    /** Where the phone's page sits, in the window's (= the screen device's) pixels. */
    private Rectangle page;
    private volatile BufferedImage shown;
    private double brightness = 1.0;

    /** @param displayId an AWT screen id, or its index among the screens as a number */
    public WindowScreen(String displayId, double ppi) {
        if (!(ppi > 0)) throw new IllegalArgumentException("WindowScreen '" + displayId + "': ppi must be positive, got " + ppi);
        this.displayId = displayId;
        this.ppi = ppi;
    }

    public String displayId() {
        return displayId;
    }

    /** Opens the window full-screen; fails with {@link DisplayUnavailableException} when it cannot. */
    @Override
    public synchronized void open() {
        if (window != null) return;
        if (GraphicsEnvironment.isHeadless()) {
            throw new DisplayUnavailableException(displayId, "this JVM is headless (java.awt.headless=true or no DISPLAY): "
                    + "a bench screen needs a real display; the sim rig uses SimulatedScreen");
        }
        GraphicsDevice[] devices;
        try {
            devices = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        } catch (AWTError | UnsatisfiedLinkError e) {
            throw new DisplayUnavailableException(displayId, "the X display cannot be reached (DISPLAY=" + System.getenv("DISPLAY") + "): " + e.getMessage());
        }
        device = find(devices);
        int w = device.getDisplayMode().getWidth();
        int h = device.getDisplayMode().getHeight();
        Display phone = Display.PHONE;
        int pageW = Math.min(w, (int) Math.round(phone.widthPx() * phone.mmPerPixel() * ppi / 25.4));
        int pageH = Math.min(h, (int) Math.round(phone.heightPx() * phone.mmPerPixel() * ppi / 25.4));
        display = new Display(pageW, pageH, ppi);
        page = new Rectangle((w - pageW) / 2, (h - pageH) / 2, pageW, pageH);
        shown = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        window = new Frame("wavebench screen", device.getDefaultConfiguration()) {
            @Override
            public void paint(Graphics g) {
                g.drawImage(shown, 0, 0, null);
            }

            @Override
            public void update(Graphics g) {
                paint(g);
            }
        };
        window.setUndecorated(true);
        window.setBackground(Color.BLACK);
        if (device.isFullScreenSupported()) {
            device.setFullScreenWindow(window);
        } else {
            window.setBounds(device.getDefaultConfiguration().getBounds());
            window.setVisible(true);
        }
    }

    private GraphicsDevice find(GraphicsDevice[] devices) {
        for (GraphicsDevice d : devices) {
            if (d.getIDstring().equals(displayId)) return d;
        }
        try {
            int index = Integer.parseInt(displayId);
            if (index >= 0 && index < devices.length) return devices[index];
        } catch (NumberFormatException notAnIndex) {
            // fall through to the error naming what exists
        }
        String seen = Arrays.stream(devices).map(GraphicsDevice::getIDstring).collect(Collectors.joining(", "));
        throw new DisplayUnavailableException(displayId, "no such screen; this machine has " + devices.length + ": " + seen);
    }

    /** The phone-sized page the codes are drawn on, at the monitor's ppi. */
    @Override
    public synchronized Display display() {
        if (display == null) throw new IllegalStateException("WindowScreen '" + displayId + "': display() before open()");
        return display;
    }

    /**
     * Lays the code out on the phone-sized page; a monitor too coarse for 3 px per module at a
     * phone's size is the rig's problem (its display), said with the figures.
     */
    @Override
    public void showCode(CodeSymbol code) {
        BufferedImage page;
        try {
            page = PaymentPage.render(display(), code);
        } catch (IllegalArgumentException tooCoarse) {
            throw new DisplayUnavailableException(displayId, "at " + ppi + " ppi a phone-sized page is " + display().widthPx() + " px wide: "
                    + tooCoarse.getMessage() + "; show codes on a denser display (a phone-sized panel is ≈400 ppi) or check the rig's 'ppi'");
        }
        show(page);
    }

    /** Where the page sits on the screen device, in its pixels (for a capture of what the reader sees). */
    public synchronized Rectangle pageBounds() {
        display();
        return new Rectangle(page);
    }

    /** The screen device's bounds in the desktop's coordinates (what {@code Robot} captures from). */
    public synchronized Rectangle deviceBounds() {
        display();
        return device.getDefaultConfiguration().getBounds();
    }

    @Override
    public synchronized void show(BufferedImage content) {
        display();
        BufferedImage frame = new BufferedImage(shown.getWidth(), shown.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics g = frame.getGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, frame.getWidth(), frame.getHeight());
            // A page of the page's size is drawn pixel for pixel (PaymentPage laid its modules out
            // on these pixels); anything else is fitted into the page, keeping its aspect.
            double scale = Math.min(page.width / (double) content.getWidth(), page.height / (double) content.getHeight());
            int w = (int) Math.round(content.getWidth() * scale);
            int h = (int) Math.round(content.getHeight() * scale);
            g.drawImage(content, page.x + (page.width - w) / 2, page.y + (page.height - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        if (brightness < 1) frame = new RescaleOp((float) brightness, 0, null).filter(frame, null);
        present(frame);
    }

    @Override
    public synchronized void clear() {
        display();
        present(new BufferedImage(shown.getWidth(), shown.getHeight(), BufferedImage.TYPE_INT_RGB));
    }

    /**
     * Paints now, not at the next repaint the toolkit gets round to: when show() returns, the
     * reader's camera can see the code (a scenario's clock starts there). Before the window is
     * mapped the direct paint is lost, and paint() draws {@code shown} when it is exposed.
     */
    private void present(BufferedImage frame) {
        shown = frame;
        Graphics g = window.getGraphics();
        if (g != null) {
            try {
                g.drawImage(frame, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        Toolkit.getDefaultToolkit().sync();
        window.repaint();
    }

    /**
     * What the screen device shows now, read back from the display server ({@link Robot}): the
     * bench's evidence of what the reader's camera was shown, and how a test checks the window.
     */
    public BufferedImage capture() {
        GraphicsDevice d;
        Rectangle bounds;
        synchronized (this) {
            display();
            d = device;
            bounds = device.getDefaultConfiguration().getBounds();
        }
        try {
            return new Robot(d).createScreenCapture(bounds);
        } catch (AWTException | SecurityException e) {
            throw new DisplayUnavailableException(displayId, "cannot read the screen back: " + e.getMessage());
        }
    }

    /**
     * Waits until the display shows what was last shown or cleared: the window is mapped, on top
     * and painted (mapping a window is asynchronous, and a window manager may take its time).
     * Compares a grid of points with a small tolerance, since a display of another depth than
     * 24 bits rounds colours.
     *
     * @throws DisplayUnavailableException naming the display, the wait and how many points differed
     */
    public void awaitShown(Duration timeout) {
        int[] differing = {-1};
        try {
            Wait.until("its picture shown", () -> (differing[0] = differingPoints(shown, capture())) == 0,
                            () -> differing[0] + " of " + GRID * GRID + " sampled points differ (another window on top? a screen saver?)")
                    .withStartupTimeout(timeout)
                    .withPollInterval(Duration.ofMillis(20)) // a capture every ≈20 ms, not a busy loop
                    .waitUntilReady("the window on display " + displayId);
        } catch (DeviceNotReadyException e) {
            // The display is the rig's, so its failure stays the display's (an INFRA-ERROR found by preflight).
            throw new DisplayUnavailableException(displayId, "the window did not show its picture within " + timeout.toMillis() + " ms: "
                    + e.lastSeen());
        }
    }

    private static final int GRID = 48;
    private static final int TOLERANCE = 12;

    private static int differingPoints(BufferedImage expected, BufferedImage actual) {
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) return GRID * GRID;
        int differing = 0;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                int x = (int) ((i + 0.5) * expected.getWidth() / GRID);
                int y = (int) ((j + 0.5) * expected.getHeight() / GRID);
                int a = expected.getRGB(x, y);
                int b = actual.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > TOLERANCE) {
                        differing++;
                        break;
                    }
                }
            }
        }
        return differing;
    }

    @Override
    public synchronized void brightness(double level) {
        if (!(level > 0 && level <= 1)) throw new IllegalArgumentException("brightness must be in (0, 1]: " + level);
        brightness = level;
    }

    @Override
    public synchronized double brightness() {
        return brightness;
    }

    @Override
    public synchronized void close() {
        if (window == null) return;
        if (device.getFullScreenWindow() == window) device.setFullScreenWindow(null);
        window.dispose();
        window = null;
    }
}
