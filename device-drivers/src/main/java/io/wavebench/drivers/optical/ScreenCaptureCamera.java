package io.wavebench.drivers.optical;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link Camera} that sees what an X display shows: each frame is the display's pixels, read
 * back from the X server with {@link Robot}, as gray levels like every other camera's. It is how
 * a reader run as its own process on a bench in a box (DESIGN §5.7) looks at the phone's page,
 * which wavebench shows as a real window ({@link WindowScreen}) on that display: the camera gets
 * pixels, never the code itself.
 *
 * <p>The screen is chosen by its AWT id ({@code GraphicsDevice.getIDstring()}, e.g. {@code :99.0}),
 * the display's name for its first screen ({@code :99}), its index among the screens, or, with
 * none given, the default screen of the display this JVM
 * runs on ({@code DISPLAY}): AWT picks its display once, when it starts, so the process must be
 * started with {@code DISPLAY} set to the display to capture and {@code java.awt.headless=false}.
 * A region of the screen can be given; the whole screen otherwise. Opens on {@link #open()}.
 */
public final class ScreenCaptureCamera implements Camera, AutoCloseable {

    /** Frames a second when not told: enough to catch a phone held still, cheap on an idle screen. */
    public static final double DEFAULT_FRAMES_PER_SECOND = 10;

    private final String screenId;
    private final Rectangle region;
    private final double framesPerSecond;
    private Robot robot;
    private Rectangle capture;
    private long sequence;

    /**
     * @param screenId an AWT screen id or index, or null for this JVM's default screen
     * @param region   the part of the screen to capture, in the screen's pixels, or null for all of it
     */
    public ScreenCaptureCamera(String screenId, Rectangle region, double framesPerSecond) {
        if (!(framesPerSecond > 0)) throw new IllegalArgumentException("screen camera: frames per second must be positive, got " + framesPerSecond);
        if (region != null && (region.width <= 0 || region.height <= 0)) throw new IllegalArgumentException("screen camera: empty region " + region);
        this.screenId = screenId;
        this.region = region == null ? null : new Rectangle(region);
        this.framesPerSecond = framesPerSecond;
    }

    /**
     * Parses the command-line form {@code [SCREEN][@WxH+X+Y]}: an AWT screen id or index (empty:
     * the default screen), then optionally a region in X geometry notation.
     */
    public static ScreenCaptureCamera parse(String spec, double framesPerSecond) {
        String screen = spec;
        Rectangle region = null;
        int at = spec.indexOf('@');
        if (at >= 0) {
            screen = spec.substring(0, at);
            region = geometry(spec.substring(at + 1));
        }
        return new ScreenCaptureCamera(screen.isEmpty() ? null : screen, region, framesPerSecond);
    }

    private static Rectangle geometry(String g) {
        var m = Pattern.compile("(\\d+)x(\\d+)\\+(\\d+)\\+(\\d+)").matcher(g);
        if (!m.matches()) throw new IllegalArgumentException("screen camera: region '" + g + "' is not WxH+X+Y (e.g. 675x1463+62+68)");
        return new Rectangle(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Finds the screen and makes the robot that reads it.
     *
     * @throws DisplayUnavailableException when this JVM is headless, the display cannot be reached,
     *     there is no such screen, or the region does not fit on it
     */
    public synchronized ScreenCaptureCamera open() {
        if (robot != null) return this;
        String name = screenId == null ? "default screen of DISPLAY=" + System.getenv("DISPLAY") : screenId;
        if (GraphicsEnvironment.isHeadless()) {
            throw new DisplayUnavailableException(name, "this JVM is headless (java.awt.headless=true or no DISPLAY): a screen camera needs the X display it captures");
        }
        GraphicsDevice device;
        try {
            GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
            device = screenId == null ? env.getDefaultScreenDevice() : find(env.getScreenDevices());
        } catch (AWTError | UnsatisfiedLinkError e) {
            throw new DisplayUnavailableException(name, "the X display cannot be reached (DISPLAY=" + System.getenv("DISPLAY") + "): " + e.getMessage());
        }
        Rectangle bounds = device.getDefaultConfiguration().getBounds();
        Rectangle wanted = region == null ? new Rectangle(0, 0, bounds.width, bounds.height) : region;
        if (!new Rectangle(0, 0, bounds.width, bounds.height).contains(wanted)) {
            throw new DisplayUnavailableException(device.getIDstring(), "region " + wanted.width + "x" + wanted.height + "+" + wanted.x + "+" + wanted.y
                    + " does not fit on the screen's " + bounds.width + "x" + bounds.height);
        }
        try {
            robot = new Robot(device);
        } catch (AWTException | SecurityException e) {
            throw new DisplayUnavailableException(device.getIDstring(), "cannot read the screen: " + e.getMessage());
        }
        // Robot captures in the desktop's coordinates; the region is the screen's own.
        capture = new Rectangle(bounds.x + wanted.x, bounds.y + wanted.y, wanted.width, wanted.height);
        return this;
    }

    private GraphicsDevice find(GraphicsDevice[] devices) {
        for (GraphicsDevice d : devices) if (d.getIDstring().equals(screenId)) return d;
        // A display's name (":99") means its first screen (":99.0"): AWT names screens, X displays.
        if (screenId.matches(":\\d+")) {
            for (GraphicsDevice d : devices) if (d.getIDstring().equals(screenId + ".0")) return d;
        }
        try {
            int index = Integer.parseInt(screenId);
            if (index >= 0 && index < devices.length) return devices[index];
        } catch (NumberFormatException notAnIndex) {
            // the error below names what exists
        }
        String seen = Arrays.stream(devices).map(GraphicsDevice::getIDstring).collect(Collectors.joining(", "));
        throw new DisplayUnavailableException(screenId, "no such screen; this display has " + devices.length + ": " + seen
                + " (a JVM captures the X display it was started on, DISPLAY=" + System.getenv("DISPLAY") + ")");
    }

    /** What part of the desktop each frame is, once open. */
    public synchronized Optional<Rectangle> captureBounds() {
        return Optional.ofNullable(capture).map(Rectangle::new);
    }

    @Override
    public Frame capture() {
        Robot r;
        Rectangle area;
        long n;
        synchronized (this) {
            if (robot == null) throw new IllegalStateException("screen camera " + describe() + ": capture() before open()");
            r = robot;
            area = capture;
            n = sequence++;
        }
        BufferedImage pixels = r.createScreenCapture(area);
        return Frame.of(pixels, n);
    }

    @Override
    public synchronized int width() {
        return capture != null ? capture.width : region != null ? region.width : 0;
    }

    @Override
    public synchronized int height() {
        return capture != null ? capture.height : region != null ? region.height : 0;
    }

    @Override
    public double framesPerSecond() {
        return framesPerSecond;
    }

    private String describe() {
        return (screenId == null ? "default screen" : "'" + screenId + "'") + (region == null ? "" : " " + region.width + "x" + region.height + "+" + region.x + "+" + region.y);
    }

    @Override
    public synchronized void close() {
        robot = null;
        capture = null;
    }

    @Override
    public String toString() {
        return "ScreenCaptureCamera[" + describe() + ", " + framesPerSecond + " fps" + (robot == null ? "" : ", open") + "]";
    }
}
