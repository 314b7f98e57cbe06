package io.wavebench.drivers.codes;

import io.wavebench.drivers.optical.Camera;
import io.wavebench.drivers.optical.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A code reader's scan loop (DESIGN §5.2): captures frames from a {@link Camera} at its frame
 * rate and hands each value a {@link CodeDecoder} accepts to the device's logic, once per
 * presentation. The value comes only from the pixels.
 *
 * <p>Two things a real scan engine does too: a frame with no contrast at all (nothing in front
 * of the window) is not decoded, which saves the whole ladder; and a value is handed over once
 * while it stays in view, and again only after the view was empty or showed something else, so
 * a phone held still is one payment, not thirty a second.
 */
public final class CodeScanner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CodeScanner.class);

    /** Below this 5-95 % range of luminance the window sees nothing but darkness or a blank surface. */
    static final int NOTHING_IN_VIEW_CONTRAST = 24;

    private final String name;
    private final Camera camera;
    private final List<CodeDecoder> decoders;
    private final Consumer<DecodeResult.Decoded> onValue;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong decodedFrames = new AtomicLong();
    private final AtomicLong failedFrames = new AtomicLong();
    private volatile RuntimeException lastError;
    private volatile boolean running;
    private volatile DecodeResult.NotDecoded lastFailure;
    private volatile Frame lastFrame;
    private Thread thread;
    private byte[] inView;

    /** @param decoders tried in order on each frame; the first value wins */
    public CodeScanner(String name, Camera camera, List<CodeDecoder> decoders, Consumer<DecodeResult.Decoded> onValue) {
        this.name = name;
        this.camera = camera;
        this.decoders = List.copyOf(decoders);
        this.onValue = onValue;
    }

    public synchronized void start() {
        if (thread != null) return;
        running = true;
        thread = new Thread(this::scan, name + "-camera");
        thread.setDaemon(true);
        thread.start();
    }

    private void scan() {
        long period = (long) (1e9 / camera.framesPerSecond());
        long next = System.nanoTime();
        while (running) {
            try {
                Frame frame = camera.capture();
                frames.incrementAndGet();
                lastFrame = frame;
                scanOne(frame);
            } catch (RuntimeException e) {
                // A frame that breaks the camera, the decoder or the device logic it feeds must not
                // blind the reader for good: a real scan engine drops the frame and takes the next.
                long failed = failedFrames.incrementAndGet();
                lastError = e;
                if (failed == 1 || failed % 100 == 0) LOG.warn("{}: frame dropped ({} so far): {}", name, failed, e.toString(), e);
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else next = System.nanoTime(); // slower than the frame rate (decoding): no catching up
        }
    }

    /** One frame: decode if something is in view, hand over a value new to this presentation. */
    void scanOne(Frame frame) {
        FrameDiagnosis look = FrameDiagnosis.of(frame);
        if (look.p95() - look.p5() < NOTHING_IN_VIEW_CONTRAST) {
            inView = null;
            return;
        }
        for (CodeDecoder decoder : decoders) {
            DecodeResult result = decoder.decode(frame);
            if (result instanceof DecodeResult.Decoded d) {
                decodedFrames.incrementAndGet();
                byte[] value = d.bytes();
                if (inView != null && Arrays.equals(inView, value)) return;
                inView = value;
                onValue.accept(d);
                return;
            }
            lastFailure = (DecodeResult.NotDecoded) result;
        }
    }

    /** Frames captured since start. */
    public long frames() {
        return frames.get();
    }

    /** Frames in which a value was decoded (and passed its checks). */
    public long decodedFrames() {
        return decodedFrames.get();
    }

    /** Frames whose capture or scan threw (the frame was dropped and scanning went on). */
    public long failedFrames() {
        return failedFrames.get();
    }

    /** What the last frame that could not be scanned threw, or null. */
    public RuntimeException lastError() {
        return lastError;
    }

    /** One line for evidence and failure messages: frames seen, decoded, dropped, and the last failure. */
    public String summary() {
        RuntimeException e = lastError;
        DecodeResult.NotDecoded f = lastFailure;
        return name + ": " + frames() + " frames captured, " + decodedFrames() + " with a value, " + failedFrames() + " dropped"
                + (e == null ? "" : " (last: " + e + ")") + (f == null ? "" : "; last frame without a value: " + f);
    }

    /** The last frame captured (for evidence), or null before the first. */
    public Frame lastFrame() {
        return lastFrame;
    }

    /** Why the last frame with something in view gave no value, or null. */
    public DecodeResult.NotDecoded lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            running = false;
            thread = null;
        }
        if (t == null) return;
        try {
            t.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
