package io.wavebench.drivers.optical;

import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bench backing of {@link Screen}: a borderless full-screen AWT window on one of the rig's
 * displays, in front of the real reader's camera (DESIGN §3). The rig names the display by its
 * AWT id ({@code GraphicsDevice.getIDstring()}, e.g. {@code :0.1}) or by index, and states its
 * density, since the monitor's ppi decides how big a module is. Brightness is simulated by
 * darkening the pixels: the monitor's backlight is not ours to set.
 *
 * <p>There is no bench {@link Camera}: a bench reader looks with its own camera, inside the
 * device under test.
 */
public final class WindowScreen implements Screen {

    private final String displayId;
    private final double ppi;
    private GraphicsDevice device;
    private Frame window;
    private Display display;
    private volatile BufferedImage shown;
    private double brightness = 1.0;

    /** @param displayId an AWT screen id, or its index among the screens as a number */
    public WindowScreen(String displayId, double ppi) {
        this.displayId = displayId;
        this.ppi = ppi;
    }

    /** Opens the window full-screen; fails with {@link DisplayUnavailableException} when it cannot. */
    @Override
    public synchronized void open() {
        if (window != null) return;
        if (GraphicsEnvironment.isHeadless()) {
            throw new DisplayUnavailableException(displayId, "this JVM is headless (java.awt.headless=true or no DISPLAY): "
                    + "a bench screen needs a real display; the sim rig uses SimulatedScreen");
        }
        GraphicsDevice[] devices = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        device = find(devices);
        int w = device.getDisplayMode().getWidth();
        int h = device.getDisplayMode().getHeight();
        display = new Display(w, h, ppi);
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

    @Override
    public synchronized Display display() {
        if (display == null) throw new IllegalStateException("WindowScreen '" + displayId + "': display() before open()");
        return display;
    }

    @Override
    public synchronized void show(BufferedImage content) {
        Display d = display();
        BufferedImage frame = new BufferedImage(d.widthPx(), d.heightPx(), BufferedImage.TYPE_INT_RGB);
        Graphics g = frame.getGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, d.widthPx(), d.heightPx());
            double scale = Math.min(d.widthPx() / (double) content.getWidth(), d.heightPx() / (double) content.getHeight());
            int w = (int) Math.round(content.getWidth() * scale);
            int h = (int) Math.round(content.getHeight() * scale);
            g.drawImage(content, (d.widthPx() - w) / 2, (d.heightPx() - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        if (brightness < 1) frame = new RescaleOp((float) brightness, 0, null).filter(frame, null);
        shown = frame;
        window.repaint();
    }

    @Override
    public synchronized void clear() {
        Display d = display();
        shown = new BufferedImage(d.widthPx(), d.heightPx(), BufferedImage.TYPE_INT_RGB);
        window.repaint();
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
