package io.wavebench.simulators.reader;

import io.wavebench.drivers.ocr.TextRecognizer;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.reader.card.CardPhotoReader;
import io.wavebench.simulators.reader.card.CardReading;
import io.wavebench.simulators.reader.card.CardTokenizer;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reader's card-photo function (DESIGN §5.4), fed by its one frame loop ({@link ReaderCamera})
 * once a card is located in a frame: frames until two agree on the number, then the checks
 * (length, IIN, Luhn, expiry) and tokenization at the backend; the answer goes on the vending
 * machine's display ({@link ReaderMessage}: the masked number, the refusal, or a retake). Only the
 * masked number ever reaches the log.
 */
final class CardDesk implements AutoCloseable {

    /**
     * Frames one reading may take: DESIGN §5.4 needs two that agree; the rest absorb bad frames and
     * misreads, and a number failing the scheme rules is refused only once they are spent (a card
     * whose art crosses a digit is misread alike in a third of its frames).
     */
    static final int MAX_FRAMES = 6;
    private final double minMotion;
    /**
     * A reading whose frames showed a card only once is no card presentation (an edge in a code's
     * page that looked like one): it ends with no message, rather than ask the shopper for a retake.
     */
    static final int CARD_FRAMES_FOR_A_RETAKE = 2;

    private final String readerId;
    private final Supplier<TextRecognizer> engine;
    private final CardTokenizer tokenizer;
    private final Clock clock;
    private final ReaderLog log;
    private final Consumer<ReaderMessage> display;
    private TextRecognizer ocr;
    private CardPhotoReader reader;

    /**
     * @param uplink  where the full number goes to be tokenized, and nowhere else; null: every card is
     *                a retake (the backend cannot be reached)
     * @param display what the reader tells the shopper
     * @param minMotion how far the card must move between two frames for them to agree ({@link CardPhotoReader#MIN_MOTION}, or 0 for a still camera)
     */
    CardDesk(String readerId, Supplier<TextRecognizer> ocr, Uplink uplink, Clock clock, ReaderLog log,
            Consumer<ReaderMessage> display, double minMotion) {
        this.minMotion = minMotion;
        this.readerId = readerId;
        this.engine = ocr;
        this.clock = clock;
        this.log = log;
        this.display = display;
        this.tokenizer = (pan, expiry, id) -> {
            if (uplink == null) throw new BackendException(BackendError.BACKEND_UNREACHABLE, "this reader has no uplink to a backend");
            try {
                var token = uplink.client().tokenize(pan, expiry, id);
                uplink.reached(true, "card tokenization");
                return token;
            } catch (BackendException e) {
                if (e.error() == BackendError.BACKEND_UNREACHABLE) uplink.reached(false, e.getMessage());
                throw e;
            }
        };
    }

    /** Starts the OCR engine (it takes a while and some memory): at power-up, or at the first card. */
    synchronized void open() {
        if (reader != null) return;
        ocr = engine.get();
        reader = new CardPhotoReader(readerId, null, ocr, tokenizer, clock, MAX_FRAMES, minMotion);
    }

    /** A new reading; the OCR engine starts now if it was not started at power-up. */
    synchronized CardPhotoReader.Reading newReading() {
        open();
        return reader.newReading();
    }

    @Override
    public synchronized void close() {
        if (ocr != null) ocr.close();
        ocr = null;
        reader = null;
    }

    /** Whether a card is still in view: the reader answered it already and needs not look for codes in it. */
    synchronized boolean cardInView(Frame frame) {
        open();
        return reader.cardInView(frame);
    }

    /** A reading's answer: logged (masked) and shown. A retake from frames that hardly showed a card is dropped. */
    void answered(CardReading reading, CardPhotoReader.Reading frames) {
        switch (reading.outcome()) {
            case BOUND -> {
                log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.CARD_BOUND, reading.maskedPan() + " as " + reading.token() + " after " + reading.frames() + " frames", null));
                display.accept(new ReaderMessage.CardBound(reading.maskedPan()));
            }
            case REFUSED -> {
                log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.CARD_REFUSED, (reading.maskedPan() == null ? "" : reading.maskedPan() + " ")
                        + reading.refusal() + " after " + reading.frames() + " frames", null));
                display.accept(new ReaderMessage.Refused(reading.refusal()));
            }
            case RETAKE -> {
                if (frames.framesWithACard() < CARD_FRAMES_FOR_A_RETAKE) {
                    log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "a card's edges in " + frames.framesWithACard() + " of "
                            + frames.frames() + " frames: no card presented", null));
                    return;
                }
                log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.CARD_RETAKE, reading.retake() + " after " + reading.frames() + " frames", null));
                display.accept(new ReaderMessage.Retake(reading.retake()));
            }
        }
    }
}
