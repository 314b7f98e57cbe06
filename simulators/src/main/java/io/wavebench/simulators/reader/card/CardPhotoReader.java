package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.drivers.ocr.TextRecognizer;
import io.wavebench.drivers.optical.Camera;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.CardToken;
import io.wavebench.simulators.card.CardNumberRules;
import io.wavebench.simulators.card.Expiry;
import io.wavebench.simulators.card.Pan;
import io.wavebench.simulators.reader.card.CardReading.Outcome;
import io.wavebench.simulators.reader.card.CardReading.RetakeReason;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's card-photo capture (DESIGN §5.4): frames from its camera, the card located,
 * deskewed and binarized, the number and expiry lines found and read by a real OCR engine, the
 * number checked (length, IIN range, Luhn), and taken only when two frames read the same number.
 * A number taken goes to the {@link CardTokenizer} and nowhere else; the reader keeps the token
 * and the masked number. Nothing here logs, stores or returns a full number or a frame.
 */
public final class CardPhotoReader {

    /** Softer than this (blur sigma in card pixels, 10 px/mm) is not worth reading. */
    static final double BLUR_LIMIT_PX = 3.6;
    static final String DIGITS = "0123456789";
    private static final Pattern DATE = Pattern.compile("(0[1-9]|1[0-2])/([0-9]{2})");

    private static final Logger LOG = LoggerFactory.getLogger(CardPhotoReader.class);

    private final String readerId;
    private final Camera camera;
    private final TextRecognizer ocr;
    private final CardTokenizer tokenizer;
    private final Clock clock;
    private final int maxFrames;
    private final CardLocator locator = new CardLocator();

    /**
     * @param camera    where {@link #read()} takes its frames; null for a reader whose own frame loop offers them ({@link #newReading()})
     * @param maxFrames frames one reading may take before it asks for a retake (at least 2)
     */
    public CardPhotoReader(String readerId, Camera camera, TextRecognizer ocr, CardTokenizer tokenizer, Clock clock, int maxFrames) {
        if (maxFrames < 2) throw new IllegalArgumentException("two frames must agree, so maxFrames must be at least 2, got " + maxFrames);
        this.readerId = readerId;
        this.camera = camera;
        this.ocr = ocr;
        this.tokenizer = tokenizer;
        this.clock = clock;
        this.maxFrames = maxFrames;
    }

    /** One frame's reading: a number and expiry, or why not. */
    record FrameRead(Pan pan, Expiry expiry, RetakeReason problem, double confidence) {}

    /** Whether a card's four edges are in this frame (no reading: the locator only, a small share of a reading's cost). */
    public boolean cardInView(Frame frame) {
        return locator.locate(frame).isPresent();
    }

    /** Reads the card the phone shows now: frame after frame until two agree, or the budget is spent. */
    public CardReading read() {
        Reading reading = new Reading();
        while (true) {
            Optional<CardReading> done = reading.offer(camera.capture());
            if (done.isPresent()) return done.get();
        }
    }

    /** A reading fed frame by frame: what a reader's one frame loop uses when a card comes into view. */
    public Reading newReading() {
        return new Reading();
    }

    /**
     * One card reading in progress (DESIGN §5.4): frames are offered one at a time; an answer
     * comes once two frames agree on a number (then it is checked, and tokenized if good), or once
     * {@code maxFrames} frames gave no agreement (a retake, with the most common problem).
     */
    public final class Reading {
        private final Map<Pan, List<FrameRead>> seen = new HashMap<>();
        private final Map<RetakeReason, Integer> problems = new EnumMap<>(RetakeReason.class);
        private int frames;
        private int framesWithACard;
        private boolean lastFrameReadANumber;
        private CardReading answer;

        private Reading() {}

        /** Offers the next frame; the answer once there is one (every later offer gives it again). */
        public Optional<CardReading> offer(Frame frame) {
            if (answer != null) return Optional.of(answer);
            frames++;
            FrameRead read = readFrame(frame);
            if (read.problem() != RetakeReason.NO_CARD_FOUND) framesWithACard++;
            lastFrameReadANumber = read.pan() != null;
            if (read.pan() == null) {
                problems.merge(read.problem(), 1, Integer::sum);
            } else {
                List<FrameRead> same = seen.computeIfAbsent(read.pan(), p -> new ArrayList<>());
                same.add(read);
                if (same.size() >= 2) return Optional.of(answer = decide(read.pan(), same, frames));
            }
            if (frames < maxFrames) return Optional.empty();
            RetakeReason why = seen.isEmpty()
                    ? problems.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(RetakeReason.NUMBER_UNREADABLE)
                    : RetakeReason.NO_AGREEMENT;
            LOG.info("card photo: retake ({}) after {} frames", why, maxFrames);
            return Optional.of(answer = new CardReading(Outcome.RETAKE, null, null, null, null, why, maxFrames, 0));
        }

        /** Frames offered so far. */
        public int frames() {
            return frames;
        }

        /** Whether any frame offered showed a card's edges: a frame loop starts a reading only for one that did. */
        public boolean cardSeen() {
            return framesWithACard > 0;
        }

        /** Whether the last frame offered gave a card number (else it may hold something that is no card). */
        public boolean lastFrameReadANumber() {
            return lastFrameReadANumber;
        }

        /** Frames offered that showed a card's edges. */
        public int framesWithACard() {
            return framesWithACard;
        }
    }

    private CardReading decide(Pan pan, List<FrameRead> agreeing, int frames) {
        double confidence = agreeing.stream().mapToDouble(FrameRead::confidence).average().orElse(0);
        Optional<ReaderRefusal> refusal = CardNumberRules.check(pan);
        if (refusal.isPresent()) {
            LOG.info("card photo: {} refused ({}) after {} frames", pan.masked(), refusal.get(), frames);
            return new CardReading(Outcome.REFUSED, pan.masked(), null, null, refusal.get(), null, frames, confidence);
        }
        Map<Expiry, Integer> votes = new HashMap<>();
        for (FrameRead r : agreeing) if (r.expiry() != null) votes.merge(r.expiry(), 1, Integer::sum);
        Optional<Expiry> expiry = votes.entrySet().stream().max(Comparator.comparing(Map.Entry<Expiry, Integer>::getValue)).map(Map.Entry::getKey);
        if (expiry.isEmpty()) {
            return new CardReading(Outcome.RETAKE, null, null, null, null, RetakeReason.EXPIRY_UNREADABLE, frames, confidence);
        }
        if (expiry.get().expiredAt(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            LOG.info("card photo: {} refused (expired {})", pan.masked(), expiry.get());
            return new CardReading(Outcome.REFUSED, pan.masked(), null, expiry.get().printed(), ReaderRefusal.CARD_EXPIRED, null, frames, confidence);
        }
        CardToken token;
        try {
            token = tokenizer.tokenize(pan, expiry.get(), readerId);
        } catch (BackendException e) {
            LOG.warn("card photo: tokenizing {} failed: {}", pan.masked(), e.error());
            return new CardReading(Outcome.RETAKE, null, null, null, null, RetakeReason.BACKEND_UNAVAILABLE, frames, confidence);
        }
        LOG.info("card photo: {} bound as {} after {} frames", pan.masked(), token.token(), frames);
        return new CardReading(Outcome.BOUND, token.maskedPan(), token.token(), expiry.get().printed(), null, null, frames, confidence);
    }

    FrameRead readFrame(Frame frame) {
        var quad = locator.locate(frame);
        if (quad.isEmpty()) return new FrameRead(null, null, RetakeReason.NO_CARD_FOUND, 0);
        CardFace face = CardFace.rectify(frame, quad.get().corners());
        double blur = face.blurSigma();
        if (blur > BLUR_LIMIT_PX) return new FrameRead(null, null, RetakeReason.TOO_BLURRY, 0);
        List<TextLines.Line> lines = TextLines.find(face, 18, 80);
        List<TextLines.Line> numberLines = lines.stream()
                .filter(l -> l.marks() >= 10 && l.x1() - l.x0() > 0.5 * CardFace.WIDTH)
                .sorted(Comparator.comparingInt((TextLines.Line l) -> Math.abs(l.marks() - 16)))
                .limit(2).toList();
        for (TextLines.Line line : numberLines) {
            Recognized r = ocr.readLine(line.crop(), line.cropWidth(), line.cropHeight(), DIGITS);
            String digits = r.text().replaceAll("[^0-9]", "");
            if (digits.length() < 12 || digits.length() > 19) continue;
            return new FrameRead(Pan.of(digits), expiry(lines, line), null, r.confidence());
        }
        return new FrameRead(null, null, RetakeReason.NUMBER_UNREADABLE, 0);
    }

    /** The MM/YY nearest below the number line. */
    private Expiry expiry(List<TextLines.Line> lines, TextLines.Line number) {
        List<TextLines.Line> below = lines.stream()
                .filter(l -> l != number && l.centreY() > number.centreY() + 0.5 * number.height() && l.marks() >= 4 && l.marks() <= 7
                        && l.x1() - l.x0() < 0.45 * CardFace.WIDTH)
                .sorted(Comparator.comparingDouble(l -> l.centreY() - number.centreY()))
                .limit(3).toList();
        for (TextLines.Line l : below) {
            Recognized r = ocr.readLine(l.crop(), l.cropWidth(), l.cropHeight(), DIGITS + "/");
            Matcher m = DATE.matcher(r.text().replace(" ", ""));
            if (m.find()) return new Expiry(Integer.parseInt(m.group(1)), 2000 + Integer.parseInt(m.group(2)));
        }
        return null;
    }
}
