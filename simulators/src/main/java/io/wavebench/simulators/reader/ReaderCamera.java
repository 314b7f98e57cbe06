package io.wavebench.simulators.reader;

import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.CodeKind;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.PayloadCheck;
import io.wavebench.drivers.codes.Refusal;
import io.wavebench.drivers.optical.Camera;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.simulators.reader.card.CardPhotoReader;
import io.wavebench.simulators.reader.card.CardReading;
import io.wavebench.simulators.token.PaymentToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's one camera loop (DESIGN §5.2, §5.4, §5.5): frames at the camera's rate, each
 * dispatched by what it holds — a QR code carrying a payment token (the offline rules, as a sound
 * is), a QR code carrying a ticket (the kiosk function), a payment barcode (verified online), or a
 * card's photo (read over several frames). Everything comes from the pixels.
 *
 * <p>What a real scan engine does too: a frame with nothing in view (the window dark or blank) is
 * looked at on a sample of its pixels only and costs next to nothing; a value is taken once while
 * it stays in view, again only after the view was empty or showed something else; and once a card
 * is in view its frames go to the card reading first, until it answers. A card whose number was
 * read is answered once per presentation: nothing new is read while the view stays as it was. A
 * card it asked to be shown again is not given up on: it keeps reading the frames, silently, and
 * answers again only with something new (the number) — a window that redraws from one photo to the
 * next does so faster than a frame, and a camera busy with OCR misses the empty view between, so
 * the next card may be in view before the reader saw the last one go. A view whose outline changed
 * a lot is a new presentation too, empty frame or not.
 */
final class ReaderCamera implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderCamera.class);

    /** Below this 5–95 % range of luminance the window sees nothing but darkness or a blank surface. */
    static final int NOTHING_IN_VIEW_CONTRAST = 24;
    /** Pixels looked at in each direction to tell an empty view (every 4th: 1/16 of a frame). */
    private static final int SAMPLE_STEP = 4;
    /** Cells across and down of a view's outline ({@link #outline}): a phone's photo spans many. */
    static final int OUTLINE_CELLS = 24;
    /**
     * Mean luminance change per cell of the outline above which the view is another one. A camera's
     * noise averages out over a cell; a hand's tremor moves edges across cells, up to 8 levels on
     * the simulated camera's typical hand (a bench window's capture: none). Another photo changes it
     * by 53 in ReferenceReaderTest (which measures both), but two seeded card photos on like
     * backgrounds, small in a large black bench window, differed by as little as 5 (measured once
     * with the fixtures' photographer): they fall under it, which is why a retake keeps reading
     * regardless.
     */
    static final double NEW_VIEW_CHANGE = 20;
    private static final PayloadCheck TOKEN_SHAPE = PayloadCheck.tokenShape(
            Set.of(PaymentToken.ONE_WAY_BYTES, PaymentToken.TWO_WAY_BYTES), Set.of(0x01, 0x02));

    private final String name;
    private final Camera camera;
    private final Clock clock;
    private final ReaderLog log;
    private final Consumer<byte[]> paymentQr;
    private final Consumer<byte[]> ticketQr;
    private final Consumer<String> paymentBarcode;
    private final CardDesk cards;
    private final List<CodeDecoder> decoders = new ArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong emptyFrames = new AtomicLong();
    private final AtomicLong decodedFrames = new AtomicLong();
    private final AtomicLong failedFrames = new AtomicLong();
    private volatile RuntimeException lastError;
    private volatile DecodeResult.NotDecoded lastFailure;
    /** The last frame that was not of a card (DESIGN §5.4: no frame of a card photo is kept). */
    private volatile Frame lastFrame;
    private volatile boolean running;
    private Thread thread;
    // Camera thread only.
    private byte[] inView;
    private CardPhotoReader.Reading card;
    private boolean cardAnswered;
    /** The card answered was read (bound or refused by its number), not only asked to be shown again. */
    private boolean cardNumberRead;
    /** This presentation was answered with a retake: another retake in it is not shown again. */
    private boolean retakeShown;
    /** The outline of the view in which the card was answered: while the view keeps it, the presentation goes on. */
    private float[] answeredView;

    /**
     * @param paymentQr      where a payment token read from a QR code goes; null: none are taken
     * @param ticketQr       where a ticket code goes (the kiosk function); null: no kiosk
     * @param paymentBarcode where a payment barcode goes; null: none are taken
     * @param cards          the card-photo function; null: cards are not read
     */
    ReaderCamera(String readerId, Camera camera, Clock clock, ReaderLog log, Consumer<byte[]> paymentQr, Consumer<byte[]> ticketQr,
            Consumer<String> paymentBarcode, CardDesk cards) {
        this.name = "reader-" + readerId + "-camera";
        this.camera = camera;
        this.clock = clock;
        this.log = log;
        this.paymentQr = paymentQr;
        this.ticketQr = ticketQr;
        this.paymentBarcode = paymentBarcode;
        this.cards = cards;
        if (paymentQr != null || ticketQr != null) decoders.add(CodeDecoder.qr(this::qrShape));
        if (paymentBarcode != null) decoders.add(CodeDecoder.code128(BarcodeCheck.PAYMENT_CODE));
    }

    /** A QR payload is taken when it has the shape of something this reader handles. */
    private Optional<Refusal> qrShape(byte[] payload) {
        Optional<Refusal> asToken = paymentQr == null ? Optional.of(new Refusal("NO_PAYMENTS", "this reader takes no payments")) : TOKEN_SHAPE.refuse(payload);
        if (asToken.isEmpty()) return asToken;
        Optional<Refusal> asTicket = ticketQr == null ? Optional.of(new Refusal("NO_KIOSK", "this reader prints no tickets")) : TicketDesk.ticketShape(payload);
        if (asTicket.isEmpty()) return asTicket;
        return Optional.of(new Refusal("NOT_FOR_THIS_READER", asToken.get() + "; " + asTicket.get()));
    }

    synchronized void start() {
        if (thread != null) return;
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long period = (long) (1e9 / camera.framesPerSecond());
        long next = System.nanoTime();
        while (running) {
            try {
                look(camera.capture());
            } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
                // A frame that breaks the camera, a decoder, the OCR engine's native memory or the
                // logic it feeds must not blind the reader for good: a real scan engine drops the
                // frame and takes the next. An uncaught one would end this thread without a word.
                long failed = failedFrames.incrementAndGet();
                lastError = e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
                if (failed == 1 || failed % 100 == 0) LOG.warn("{}: frame dropped ({} so far): {}", name, failed, e.toString(), e);
                if (failed == 1 || failed % 100 == 0) log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "camera frame dropped (" + failed + " so far): " + e, null));
                card = null; // a reading broken mid-way starts again with the next card in view
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else next = System.nanoTime(); // slower than the frame rate (decoding): no catching up
        }
    }

    /** One frame: what is in view, and who takes it. */
    void look(Frame frame) {
        frames.incrementAndGet();
        if (nothingInView(frame)) {
            emptyFrames.incrementAndGet();
            inView = null;
            card = null;
            cardAnswered = false;
            retakeShown = false;
            answeredView = null;
            lastFrame = frame;
            return;
        }
        if (cardAnswered && change(answeredView, outline(frame)) > NEW_VIEW_CHANGE) {
            // Another photo in view without an empty frame between: a new presentation.
            cardAnswered = false;
            cardNumberRead = false;
            retakeShown = false;
            answeredView = null;
        }
        if (card != null) {
            offerToCard(frame);
            return;
        }
        // The card whose number it read is still held up: no codes are looked for in it (the locator
        // costs a fraction of the code ladders). It is read again only after the view was empty.
        if (cardAnswered && cardNumberRead && cards.cardInView(frame)) return;
        if (decodeCodes(frame)) return;
        if (cards == null) {
            lastFrame = frame;
            return;
        }
        // A number read: once per presentation. A retake asked for: read on (the shopper may hold a
        // better photo up, or another card) without saying so again. A card photo's frames are not kept.
        if (cardAnswered && cardNumberRead) return;
        CardPhotoReader.Reading reading = cards.newReading();
        card = reading;
        offerToCard(frame);
        if (card == reading && !reading.cardSeen()) {
            card = null; // no card in this frame: nothing started
            lastFrame = frame;
        }
    }

    /** The code decoders on {@code frame}: whether a code was in it (taken, or already taken while in view). */
    private boolean decodeCodes(Frame frame) {
        for (CodeDecoder decoder : decoders) {
            DecodeResult result = decoder.decode(frame);
            if (result instanceof DecodeResult.Decoded d) {
                decodedFrames.incrementAndGet();
                lastFrame = frame;
                byte[] value = d.bytes();
                if (inView != null && Arrays.equals(inView, value)) return true;
                inView = value;
                cardAnswered = false;
                take(d);
                return true;
            }
            lastFailure = (DecodeResult.NotDecoded) result;
        }
        return false;
    }

    private void offerToCard(Frame frame) {
        CardPhotoReader.Reading reading = card;
        Optional<CardReading> answer = reading.offer(frame);
        boolean retake = answer.isPresent() && answer.get().outcome() == CardReading.Outcome.RETAKE;
        if (!reading.lastFrameReadANumber() && (answer.isEmpty() || retake) && decodeCodes(frame)) {
            // What looked like a card was the white panel of a code's page caught before its code
            // could be read (a window being drawn, a blurred frame): a code presentation, not a card.
            card = null;
            log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "a code in view, not a card: the card reading is dropped", null));
            return;
        }
        if (answer.isEmpty()) return;
        card = null;
        cardAnswered = true; // once per presentation: read again only after the view emptied or changed
        cardNumberRead = !retake;
        answeredView = outline(frame);
        inView = null;
        if (retake && retakeShown) return; // still unreadable: the shopper was asked already
        retakeShown |= retake;
        cards.answered(answer.get(), reading);
    }

    private void take(DecodeResult.Decoded value) {
        byte[] bytes = value.bytes();
        boolean token = paymentQr != null && value.kind() == CodeKind.QR_CODE && TOKEN_SHAPE.refuse(bytes).isEmpty();
        log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.CODE_READ, value.kind() + " of " + bytes.length + " bytes at rung " + value.rung() + ": "
                + (value.kind() == CodeKind.CODE_128 ? "payment barcode, verified online" : token ? "payment token, offline rules" : "ticket code"), null));
        if (value.kind() == CodeKind.CODE_128) paymentBarcode.accept(value.text());
        else if (token) paymentQr.accept(bytes);
        else ticketQr.accept(bytes);
    }

    /** The 5–95 % luminance range over a sample of the frame's pixels is under {@link #NOTHING_IN_VIEW_CONTRAST}. */
    static boolean nothingInView(Frame frame) {
        int[] histogram = new int[256];
        int n = 0;
        byte[] luma = frame.luma();
        int w = frame.width();
        for (int y = SAMPLE_STEP / 2; y < frame.height(); y += SAMPLE_STEP) {
            int row = y * w;
            for (int x = SAMPLE_STEP / 2; x < w; x += SAMPLE_STEP) {
                histogram[luma[row + x] & 0xFF]++;
                n++;
            }
        }
        if (n == 0) return true;
        int p5 = percentile(histogram, n, 0.05);
        int p95 = percentile(histogram, n, 0.95);
        return p95 - p5 < NOTHING_IN_VIEW_CONTRAST;
    }

    /**
     * The view's outline: the mean luminance of each of {@link #OUTLINE_CELLS}² cells, over the
     * same sample of pixels as {@link #nothingInView}. Coarse on purpose: noise and a hand's tremor
     * average out; another picture does not.
     */
    static float[] outline(Frame frame) {
        float[] sum = new float[OUTLINE_CELLS * OUTLINE_CELLS];
        int[] count = new int[sum.length];
        byte[] luma = frame.luma();
        int w = frame.width();
        int h = frame.height();
        for (int y = SAMPLE_STEP / 2; y < h; y += SAMPLE_STEP) {
            int row = y * w;
            int cellRow = (int) ((long) y * OUTLINE_CELLS / h) * OUTLINE_CELLS;
            for (int x = SAMPLE_STEP / 2; x < w; x += SAMPLE_STEP) {
                int cell = cellRow + (int) ((long) x * OUTLINE_CELLS / w);
                sum[cell] += luma[row + x] & 0xFF;
                count[cell]++;
            }
        }
        for (int i = 0; i < sum.length; i++) sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        return sum;
    }

    /** Mean absolute change per cell from {@code before} to {@code now}; no outline before: no change. */
    static double change(float[] before, float[] now) {
        if (before == null) return 0;
        double total = 0;
        for (int i = 0; i < now.length; i++) total += Math.abs(now[i] - before[i]);
        return total / now.length;
    }

    private static int percentile(int[] histogram, int total, double q) {
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen >= target) return v;
        }
        return 255;
    }

    long frames() {
        return frames.get();
    }

    /** The last frame captured that was not of a card photo, or null (evidence). */
    Frame lastFrame() {
        return lastFrame;
    }

    /** One line for evidence and failure messages: frames seen, empty, decoded, dropped, and the last failure. */
    String summary() {
        RuntimeException e = lastError;
        DecodeResult.NotDecoded f = lastFailure;
        return name + ": " + frames.get() + " frames captured (" + emptyFrames.get() + " with nothing in view), " + decodedFrames.get() + " with a code, "
                + failedFrames.get() + " dropped" + (e == null ? "" : " (last: " + e + ")") + (f == null ? "" : "; last frame without a code: " + f);
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
