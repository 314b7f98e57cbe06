package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.ocr.FontTemplateRecognizer;
import io.wavebench.drivers.ocr.Recognized;
import io.wavebench.drivers.ocr.TextRecognizer;
import io.wavebench.drivers.optical.Camera;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.CardToken;
import io.wavebench.simulators.card.CardNumberRules;
import io.wavebench.simulators.card.Expiry;
import io.wavebench.simulators.card.Luhn;
import io.wavebench.simulators.card.Pan;
import io.wavebench.simulators.reader.card.CardReading.Outcome;
import io.wavebench.simulators.reader.card.CardReading.RetakeReason;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader's card-photo capture (DESIGN §5.4): frames from its camera, the card located,
 * deskewed and binarized, the number and expiry lines found and read by a real OCR engine (or,
 * for a face with a font of its own such as OCR-A, by matching each digit with that font's), the
 * number checked (length, IIN range, Luhn), and taken only when two frames read the same number.
 * A number taken goes to the {@link CardTokenizer} and nowhere else; the reader keeps the token
 * and the masked number. Nothing here logs, stores or returns a full number or a frame.
 */
public final class CardPhotoReader {

    /**
     * Softer than this (blur sigma in card pixels, 10 px/mm) is not worth reading: seeded
     * fixtures' photos through the camera, blurred on purpose, read no number in 6 of 10 frames
     * at sigma 4.0–4.2 (3 of 11 at 3.8–4.0), and two frames at 5.0 read a valid card's expiry as
     * 04/79 alike (refused as too far ahead). A card small in the frame is enlarged to
     * {@link CardFace#WIDTH}, so the camera's own blur, measured here, grows with it: 420 px
     * wide, twice. Measured on the number line's print ({@link CardFace#blurSigma(TextLines.Line)}),
     * frames at 4.0–4.2 read a wrong number passing the scheme rules 3 times in 42, at 3.6–4.0
     * once in 77.
     */
    static final double BLUR_LIMIT_PX = 4.0;
    /**
     * Sharper than this, a frame's reading counts fully; between this and {@link #BLUR_LIMIT_PX}
     * the frame is soft: it is read, but a number or expiry only soft frames read needs
     * {@link #SOFT_READS} of them to agree (seeded fixtures' photos, sigma 3.6–3.8: one frame
     * in 14 read a wrong number that passes Luhn; ImageMagick's small cards through the camera,
     * 3.6–4.0: 7 of 10 frames right, 3 no number, none wrong).
     */
    static final double SHARP_LIMIT_PX = 3.6;
    /** Frames that must read the same number, or date, to take it when they are soft ({@link #SHARP_LIMIT_PX}). */
    static final int SOFT_READS = 3;
    static final String DIGITS = "0123456789";
    /** MM/YY standing alone: "11/238" is a misread, not 11/23. */
    private static final Pattern DATE = Pattern.compile("(?<![0-9])(0[1-9]|1[0-2])/([0-9]{2})(?![0-9])");
    /** The whole reading two two-digit words, a month and a year: MM/YY whose slash was lost ({@link #date}). */
    private static final Pattern DATE_WITHOUT_SLASH = Pattern.compile("(0[1-9]|1[0-2])\\s+([0-9]{2})");
    /** Four digits, a month and a year: MMYY read from a line whose marks show the slash's gap ({@link #twoPairs}). */
    private static final Pattern FOUR_DIGITS_MMYY = Pattern.compile("(0[1-9]|1[0-2])([0-9]{2})");
    /**
     * The step a lost slash leaves between MM and YY, over the steps within them: a thin serif
     * slash adds some 0.4 of a character (a 12/28 through the camera: 32 px against 23 and 24).
     */
    static final double SLASH_GAP = 1.25;
    /** A month's two digits and a year's, read apart beside a slash ({@link #pairs}). */
    private static final Pattern PAIRS = Pattern.compile("(0[1-9]|1[0-2])\\s+([0-9]{2})");
    /**
     * How far each side of a slash's centre line ({@link DateSlash}) MM and YY are cut off, in
     * the line's heights: the stroke and the blur around it, some 3 px at an expiry's 30 px.
     */
    static final double SLASH_REACH = 0.1;
    /** 6M/YY standing alone, no month's: a 0M/YY whose 0 was read as a 6 ({@link #date}). */
    private static final Pattern DATE_SIX_FOR_ZERO = Pattern.compile("(?<![0-9])6([1-9])/([0-9]{2})(?![0-9])");
    /** DESIGN §5.4: an expiry further ahead than this is no card's (cards are issued for a few years). */
    static final int EXPIRY_HORIZON_YEARS = 20;
    /**
     * Two frames agree only when the picture moved between them, by {@link FrameMotion}'s measure
     * (the frames' difference on edges over that on flat areas: ≈ 1 for noise alone, 2.8–4.7 for
     * half a pixel of motion on the fixtures' photos, 5–22 between successive frames of the
     * simulated camera's typical hand): frames that differ in noise alone make the
     * same OCR mistakes, so their agreement proves little (DESIGN §5.4 "the same PAN in ≥ 2
     * frames"). The card locator's corners are no measure of it: they move by pixels on noise alone.
     */
    public static final double MIN_MOTION = 2.0;
    /**
     * Readings of an expiry that would refuse the card (expired, or too far ahead) before it is
     * refused while frames remain: an OCR misread of a date is no rarer than one of a number, and
     * two moved frames now and then make the same one, so a refusal that blames the card waits for
     * a third reading (or for the last frame, with no other date read). A date that passes needs two.
     * A number that fails the scheme rules likewise needs this many frames' reading to be refused.
     */
    public static final int REFUSAL_READS = 3;
    /**
     * A reading whose first frames read no number at all ends after this many, whatever its
     * budget: frames beyond it are for frames that disagree or a refusal's third reading, not for
     * a card that shows no number (the shopper is asked for another photo sooner).
     */
    static final int FRAMES_WITHOUT_A_NUMBER = 4;
    /**
     * A line read whole with no gaps to show its groups gives a number only when the engine is
     * at least this sure of it (its mean word confidence, 0–100): the shadow of an embossed number
     * read as digits comes out as 19 digits the engine gives 0 or 1.
     */
    static final double MIN_UNGROUPED_CONFIDENCE = 20;
    /**
     * The band under the number is searched a last time with marks down to this share of its
     * strongest ink (the lines' own bar is {@link TextLines#STRONG_INK_SHARE}): a thin serif
     * expiry seen through the camera is 15–40 levels from the card around it, a bold label or
     * logo beside it 80 and more, and at 0.4 of that only the thickest strokes of its digits
     * were left, in pieces too small for marks.
     */
    static final double FAINT_INK_SHARE = 0.25;
    /** How the schemes print their numbers (digits per group): 4-4-4-4, American Express's 4-6-5, 19 digits as 4-4-4-4-3. */
    private static final List<int[]> GROUPINGS = List.of(new int[] {4, 4, 4, 4}, new int[] {4, 6, 5}, new int[] {4, 4, 4, 4, 3});

    private static final Logger LOG = LoggerFactory.getLogger(CardPhotoReader.class);

    private final String readerId;
    private final Camera camera;
    private final TextRecognizer ocr;
    /** Faces read by matching with their own font before the OCR engine is asked ({@link FontFaces}). */
    private final List<FontTemplateRecognizer> faces = FontFaces.installed();
    private final CardTokenizer tokenizer;
    private final Clock clock;
    private final int maxFrames;
    private final double minMotion;
    private final CardLocator locator = new CardLocator();

    /**
     * @param camera    where {@link #read()} takes its frames; null for a reader whose own frame loop offers them ({@link #newReading()})
     * @param maxFrames frames one reading may take before it asks for a retake (at least 2)
     */
    public CardPhotoReader(String readerId, Camera camera, TextRecognizer ocr, CardTokenizer tokenizer, Clock clock, int maxFrames) {
        this(readerId, camera, ocr, tokenizer, clock, maxFrames, MIN_MOTION);
    }

    /**
     * @param minMotion how much the picture must move between two frames ({@link FrameMotion}'s
     *                  ratio) for their readings to agree: {@link #MIN_MOTION}, or 0 for a camera
     *                  whose picture cannot move (a still window's pixels)
     */
    public CardPhotoReader(String readerId, Camera camera, TextRecognizer ocr, CardTokenizer tokenizer, Clock clock, int maxFrames, double minMotion) {
        if (maxFrames < 2) throw new IllegalArgumentException("two frames must agree, so maxFrames must be at least 2, got " + maxFrames);
        this.readerId = readerId;
        this.camera = camera;
        this.ocr = ocr;
        this.tokenizer = tokenizer;
        this.clock = clock;
        this.maxFrames = maxFrames;
        this.minMotion = minMotion;
    }

    /** One frame's reading: a number and expiry, or why not. */
    record FrameRead(Pan pan, Expiry expiry, RetakeReason problem, double confidence, Frame frame, boolean soft) {
        FrameRead(Pan pan, Expiry expiry, RetakeReason problem, double confidence, Frame frame) {
            this(pan, expiry, problem, confidence, frame, false);
        }

        FrameRead(RetakeReason problem) {
            this(null, null, problem, 0, null);
        }

        /** How much the picture moved between this frame and {@code other} ({@link FrameMotion}). */
        double motionFrom(FrameRead other) {
            return FrameMotion.edgeToFlatDifference(frame, other.frame);
        }
    }

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
        /** Numbers two frames that moved apart read; each pair of frames is measured once, when the later one comes. */
        private final Set<Pan> agreed = new HashSet<>();
        private int frames;
        private int framesWithACard;
        private boolean lastFrameReadANumber;
        private CardReading answer;

        private Reading() {}

        /**
         * Offers the next frame; the answer once there is one (every later offer gives it again).
         * A number is taken when two frames that differ by the hand's motion read it, no other
         * number was read by more frames, and two of them read the same expiry; two different
         * numbers that both pass the scheme rules are a disagreement, and the reading stops
         * without a guess; a number that fails the rules is refused only when the frames run out
         * and no frame read one that passes.
         */
        public Optional<CardReading> offer(Frame frame) {
            if (answer != null) return Optional.of(answer);
            frames++;
            FrameRead read = readFrame(frame);
            if (read.problem() != RetakeReason.NO_CARD_FOUND) framesWithACard++;
            lastFrameReadANumber = read.pan() != null;
            if (read.pan() == null) {
                problems.merge(read.problem(), 1, Integer::sum);
            } else {
                seen.computeIfAbsent(read.pan(), p -> new ArrayList<>()).add(read);
                long plausible = seen.keySet().stream().filter(p -> CardNumberRules.check(p).isEmpty()).count();
                if (plausible > 1) {
                    LOG.info("card photo: frames read {} different numbers; retake after {} frames", plausible, frames);
                    return Optional.of(answer = new CardReading(Outcome.RETAKE, null, null, null, null, RetakeReason.NO_AGREEMENT, frames, 0));
                }
                List<FrameRead> same = seen.get(read.pan());
                if (!agreed.contains(read.pan()) && same.subList(0, same.size() - 1).stream().anyMatch(earlier -> read.motionFrom(earlier) >= minMotion)) agreed.add(read.pan());
                if (agreed.contains(read.pan()) && enoughReads(same) && CardNumberRules.check(read.pan()).isEmpty() && !outvoted(read.pan())) {
                    Optional<CardReading> decided = decide(read.pan(), same, frames, frames >= maxFrames);
                    if (decided.isPresent()) return Optional.of(answer = decided.get());
                }
            }
            if (frames < maxFrames && !(seen.isEmpty() && frames >= FRAMES_WITHOUT_A_NUMBER)) return Optional.empty();
            // The budget is spent. A number that passes the rules and two moved frames agreed on
            // (its expiry still undecided) is decided now, as the last frame would have.
            for (var e : seen.entrySet()) {
                if (CardNumberRules.check(e.getKey()).isEmpty() && agreed.contains(e.getKey()) && !outvoted(e.getKey())) {
                    // Soft frames agreed on it, too few of them to trust: the photo is too blurry.
                    if (!enoughReads(e.getValue())) {
                        LOG.info("card photo: retake ({}) after {} frames: soft frames only", RetakeReason.TOO_BLURRY, frames);
                        return Optional.of(answer = new CardReading(Outcome.RETAKE, null, null, null, null, RetakeReason.TOO_BLURRY, frames, 0));
                    }
                    return Optional.of(answer = decide(e.getKey(), e.getValue(), frames, true).orElseThrow());
                }
            }
            // A number that fails the rules is refused only now, and only if no frame read a number
            // that passes them: a digit the card's art crosses can be misread in a third of the
            // frames, alike, so agreement alone does not tell a bad card from a misread good one.
            // Like an expiry that would refuse the card, it needs REFUSAL_READS frames' reading:
            // through the camera two frames of an embossed card read an 8 as a 3 alike and the
            // third read no number, and two alike misreads are no proof against the card.
            Optional<Pan> failing = seen.entrySet().stream()
                    .filter(e -> agreed.contains(e.getKey()) && outvotesEveryOther(e.getKey(), REFUSAL_READS)).map(Map.Entry::getKey).findFirst();
            if (failing.isPresent() && seen.keySet().stream().allMatch(p -> CardNumberRules.check(p).isPresent())) {
                return Optional.of(answer = decide(failing.get(), seen.get(failing.get()), frames, true).orElseThrow());
            }
            RetakeReason why = seen.isEmpty()
                    ? problems.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(RetakeReason.NUMBER_UNREADABLE)
                    : RetakeReason.NO_AGREEMENT;
            LOG.info("card photo: retake ({}) after {} frames", why, frames);
            return Optional.of(answer = new CardReading(Outcome.RETAKE, null, null, null, null, why, frames, 0));
        }

        /**
         * Whether another number, passing the scheme rules or not, was read by more frames than
         * {@code pan}: frames that disagree so are no agreement on it, whatever Luhn says (DESIGN
         * §5.4: refuse, never guess). A card whose number fails Luhn on purpose (the fixtures'),
         * seen through the camera for six frames, was read right in four and with its 8 read as
         * 3 in two that moved apart; that misread passes Luhn, and it was taken.
         */
        private boolean outvoted(Pan pan) {
            int these = seen.get(pan).size();
            return seen.entrySet().stream().anyMatch(e -> !e.getKey().equals(pan) && e.getValue().size() > these);
        }

        /** Whether at least {@code reads} frames read {@code pan}, more than read all other numbers together. */
        private boolean outvotesEveryOther(Pan pan, int reads) {
            int these = seen.get(pan).size();
            int others = seen.entrySet().stream().filter(e -> !e.getKey().equals(pan)).mapToInt(e -> e.getValue().size()).sum();
            return these >= reads && these > others;
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


    /** Whether two sharp frames, or {@link #SOFT_READS} frames in all, read what {@code readings} did ({@link #SHARP_LIMIT_PX}). */
    static boolean enoughReads(List<FrameRead> readings) {
        return readings.stream().filter(r -> !r.soft()).count() >= 2 || readings.size() >= SOFT_READS;
    }

    /**
     * The expiry the frames that read a number agree on: read alike by two sharp frames, or by
     * {@link #SOFT_READS} frames in all (one frame's reading is a guess); the most read if several.
     */
    static Optional<Expiry> agreedExpiry(List<FrameRead> agreeing) {
        Map<Expiry, List<FrameRead>> byDate = new HashMap<>();
        for (FrameRead r : agreeing) if (r.expiry() != null) byDate.computeIfAbsent(r.expiry(), e -> new ArrayList<>()).add(r);
        return byDate.entrySet().stream().filter(e -> enoughReads(e.getValue()))
                .max(Comparator.comparingInt(e -> e.getValue().size())).map(Map.Entry::getKey);
    }

    /**
     * The answer for a number two frames agreed on, or empty while its expiry still waits for a
     * second frame (and {@code last} is false: more frames may come).
     */
    private Optional<CardReading> decide(Pan pan, List<FrameRead> agreeing, int frames, boolean last) {
        double confidence = agreeing.stream().mapToDouble(FrameRead::confidence).average().orElse(0);
        Optional<ReaderRefusal> refusal = CardNumberRules.check(pan);
        if (refusal.isPresent()) {
            LOG.info("card photo: {} refused ({}) after {} frames", pan.masked(), refusal.get(), frames);
            return Optional.of(new CardReading(Outcome.REFUSED, pan.masked(), null, null, refusal.get(), null, frames, confidence));
        }
        // The expiry, like the number, must be read alike by two frames (three if soft).
        Optional<Expiry> expiry = agreedExpiry(agreeing);
        if (expiry.isEmpty()) {
            if (!last) return Optional.empty();
            return Optional.of(new CardReading(Outcome.RETAKE, null, null, null, null, RetakeReason.EXPIRY_UNREADABLE, frames, confidence));
        }
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        boolean expired = expiry.get().expiredAt(now);
        boolean tooFar = YearMonth.of(expiry.get().year(), expiry.get().month()).isAfter(now.plusYears(EXPIRY_HORIZON_YEARS));
        // A refusal blames the card: like a number failing the rules, an expiry that refuses it
        // waits for a third frame's reading, or for the last frame with no other expiry read.
        long readsOfIt = agreeing.stream().filter(r -> expiry.get().equals(r.expiry())).count();
        boolean noOtherDate = agreeing.stream().allMatch(r -> r.expiry() == null || r.expiry().equals(expiry.get()));
        if ((expired || tooFar) && readsOfIt < REFUSAL_READS && !(last && noOtherDate)) {
            if (!last) return Optional.empty();
            return Optional.of(new CardReading(Outcome.RETAKE, null, null, null, null, RetakeReason.EXPIRY_UNREADABLE, frames, confidence));
        }
        if (expired) {
            LOG.info("card photo: {} refused (expired {})", pan.masked(), expiry.get());
            return Optional.of(new CardReading(Outcome.REFUSED, pan.masked(), null, expiry.get().printed(), ReaderRefusal.CARD_EXPIRED, null, frames, confidence));
        }
        if (tooFar) {
            LOG.info("card photo: {} refused (expiry {} is more than {} years ahead)", pan.masked(), expiry.get(), EXPIRY_HORIZON_YEARS);
            return Optional.of(new CardReading(Outcome.REFUSED, pan.masked(), null, expiry.get().printed(), ReaderRefusal.EXPIRY_TOO_FAR, null, frames,
                    confidence));
        }
        CardToken token;
        try {
            token = tokenizer.tokenize(pan, expiry.get(), readerId);
        } catch (BackendException e) {
            LOG.warn("card photo: tokenizing {} failed: {}", pan.masked(), e.error());
            return Optional.of(new CardReading(Outcome.RETAKE, null, null, null, null, RetakeReason.BACKEND_UNAVAILABLE, frames, confidence));
        }
        LOG.info("card photo: {} bound as {} after {} frames", pan.masked(), token.token(), frames);
        return Optional.of(new CardReading(Outcome.BOUND, token.maskedPan(), token.token(), expiry.get().printed(), null, null, frames, confidence));
    }

    FrameRead readFrame(Frame frame) {
        var quad = locator.locate(frame);
        if (quad.isEmpty()) return new FrameRead(RetakeReason.NO_CARD_FOUND);
        CardFace face = CardFace.rectify(frame, quad.get().corners());
        List<TextLines.Line> lines = TextLines.find(face, 18, 80);
        List<TextLines.Line> numberLines = lines.stream()
                .filter(l -> l.marks() >= 10 && l.x1() - l.x0() > 0.5 * CardFace.WIDTH)
                .sorted(Comparator.comparingInt(CardPhotoReader::marksFromANumber))
                .limit(2).toList();
        // The blur check is made on the print that is read (CardFace#blurSigma(Line)): a hologram
        // darker than the print made cards whose digits the OCR read surely too blurry, and busy
        // art sharper than the print made soft photos sharp. Where nothing was read (no number
        // line found, or none read), the whole card's measure names the reason (below).
        boolean tooBlurry = false;
        boolean failingSoft = false;
        // Embossed digits make two lines, their shadow and their highlight, and either may be the
        // one the OCR engine reads well: a number that fails the scheme rules sends the reading
        // on to the other line, and is this frame's reading only if that one gives none passing.
        Pan failing = null;
        TextLines.Line failingLine = null;
        double failingConfidence = 0;
        for (TextLines.Line line : numberLines) {
            double blur = face.blurSigma(line);
            if (blur > BLUR_LIMIT_PX) {
                tooBlurry = true;
                continue;
            }
            boolean soft = blur > SHARP_LIMIT_PX;
            Optional<Recognized> number = number(face, line);
            if (number.isEmpty()) continue;
            Pan pan = Pan.of(number.get().text());
            if (CardNumberRules.check(pan).isEmpty()) {
                return new FrameRead(pan, expiry(face, lines, line), null, number.get().confidence(), frame, soft);
            }
            if (failing == null) {
                failing = pan;
                failingLine = line;
                failingConfidence = number.get().confidence();
                failingSoft = soft;
            }
        }
        if (failing != null) return new FrameRead(failing, expiry(face, lines, failingLine), null, failingConfidence, frame, failingSoft);
        // Blurred wider than the print's strokes, a stroke never reaches its full ink and the
        // print's own measure runs low (to two thirds of the blur): a fixtures' photo blurred by
        // 9 px, seen on a screen and captured, measured under the limit on its number line. Where
        // nothing was read, the whole card's measure, whose step is the card's full contrast,
        // tells a photo too blurry from print that cannot be read.
        return new FrameRead(tooBlurry || face.blurSigma() > BLUR_LIMIT_PX ? RetakeReason.TOO_BLURRY : RetakeReason.NUMBER_UNREADABLE);
    }

    /** How far a line's count of marks is from any grouping's count of digits (a number line's is none). */
    private static int marksFromANumber(TextLines.Line line) {
        return GROUPINGS.stream().mapToInt(g -> Math.abs(line.marks() - Arrays.stream(g).sum())).min().orElseThrow();
    }

    /**
     * The digits of a number line: first as the faces with a font of their own read it
     * ({@link FontFaces}: every digit matched with its font's, none unsure; or all but one, that
     * one still likely; or group by group, the engine's reading of the groups it is unsure of),
     * taken when it passes Luhn; then as the OCR engine reads it, from the line's crop and, where
     * that gives no number passing Luhn, from its crop that keeps faint strokes, and last from
     * the card's own grey levels where that reading only gives back 8s the crop lost. A face's
     * reading that fails Luhn misread a digit the templates were sure of, so the engine's is
     * taken instead (DESIGN §5.4: refuse, never guess).
     */
    private Optional<Recognized> number(CardFace card, TextLines.Line line) {
        for (FontTemplateRecognizer face : faces) {
            Optional<Recognized> read = number(line, face);
            if (read.isPresent() && Luhn.valid(read.get().text())) return read;
            Optional<Recognized> whole = anyGroupingsCount(face.readLine(line.crop(), line.cropWidth(), line.cropHeight(), DIGITS));
            if (whole.isPresent()) return whole;
            Optional<Recognized> groupByGroup = anyGroupingsCount(eachGroup(line.groups(), face));
            if (groupByGroup.isPresent()) return groupByGroup;
            // A line the face names surely but for one digit, where the art crosses it: Luhn
            // detects any one digit named wrong, so the likely digit is taken only if it passes.
            Optional<Recognized> oneLikely = anyGroupingsCount(face.readLineWithOneLikely(line.crop(), line.cropWidth(), line.cropHeight(), DIGITS));
            if (oneLikely.isPresent()) return oneLikely;
            Optional<Recognized> mixed = anyGroupingsCount(eachGroupOrEngine(line.groups(), face, ocr));
            if (mixed.isPresent()) return mixed;
        }
        Optional<Recognized> read = number(line, ocr);
        if (read.isPresent() && Luhn.valid(read.get().text())) return read;
        // A reading that fails Luhn, or none, sends the line on to a crop that keeps faint
        // strokes (TextLines.Line#withFaintInk): where a line of a busy card's art crosses a
        // serif 5, the default crop erases the 5's thin neck with the art, and the engine read
        // the 5 as a 3 in 3 of 3 frames. Two frames must still agree on what it reads.
        Optional<Recognized> faint = number(line.withFaintInk(), ocr);
        if (faint.isPresent() && Luhn.valid(faint.get().text())) return faint;
        // Last, the card's own grey levels (TextLines#onPaper): the crops above take the local
        // mean away, and with it the lit side of an embossed 8, which the engine then read as
        // 3 or 2 in every frame. That reading is taken only where it gives back strokes so lost
        // (lostStrokesRestored): taken wherever it passed Luhn, it read a 1 as a 2 on a card
        // failing Luhn on purpose, alike in two frames, and a wrong number was accepted
        // (CardBenchmark --set refusals).
        if (read.isPresent()) {
            Optional<Recognized> onPaper = number(TextLines.onPaper(card, line), ocr);
            if (onPaper.isPresent() && Luhn.valid(onPaper.get().text()) && lostStrokesRestored(read.get().text(), onPaper.get().text())) return onPaper;
        }
        return read.isPresent() ? read : faint;
    }

    /**
     * Whether {@code restored} is {@code read} with some 3s and 2s read as 8s and nothing else
     * changed: the digits a crop that lost one side of an 8 reads in its place (the lit side of
     * an embossed 8 under the local mean; DESIGN §5.4 "refuse, never guess": no other digit may
     * change, so a misread of the grey levels elsewhere is no reading).
     */
    static boolean lostStrokesRestored(String read, String restored) {
        if (read.length() != restored.length() || read.equals(restored)) return false;
        for (int i = 0; i < read.length(); i++) {
            char was = read.charAt(i), now = restored.charAt(i);
            if (was != now && !(now == '8' && (was == '3' || was == '2'))) return false;
        }
        return true;
    }

    /**
     * A face's reading of a whole number line (every character named surely: {@link FontFaces})
     * whose digits are as many as some grouping's and pass Luhn, or empty. Taken even where the
     * line's gaps showed another grouping's count of groups: a 19-digit OCR-A number, its groups
     * 16 mm apart, is cut into three groups through the camera's blur and was refused as no
     * 4-6-5 (the OCR engine's readings keep the stricter rule: it inserts and drops digits).
     */
    static Optional<Recognized> anyGroupingsCount(Recognized whole) {
        String digits = whole.text().replace(" ", "");
        boolean counted = GROUPINGS.stream().anyMatch(g -> Arrays.stream(g).sum() == digits.length());
        return counted && digits.chars().allMatch(Character::isDigit) && Luhn.valid(digits) ? Optional.of(new Recognized(digits, whole.confidence())) : Optional.empty();
    }

    /**
     * Each of a line's groups as a face reads it where it names every digit of the group surely,
     * and as the OCR engine reads it (a word, then a line) where the face does not; empty unless
     * the groups are as many as a grouping's and each gives that grouping's count of digits.
     * A line of a busy card's art crossing one group leaves the face unsure there only: an OCR-A
     * 4-4-4-4 card read by the face in three groups of every frame, the first in one frame of
     * three, where the engine read that first group right in another (and gives no OCR-A
     * number whole, dropping its 6s). With none of the face's digits it is the engine's own
     * group reading, which {@link #number(TextLines.Line, TextRecognizer)} made already.
     */
    static Recognized eachGroupOrEngine(List<TextLines.Line> groups, TextRecognizer face, TextRecognizer engine) {
        int[] grouping = groupingOf(groups.size());
        if (grouping == null) return new Recognized("", 0);
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        boolean faceRead = false;
        for (int i = 0; i < groups.size(); i++) {
            TextLines.Line g = groups.get(i);
            Recognized byFace = face.readLine(g.crop(), g.cropWidth(), g.cropHeight(), DIGITS);
            String digits = byFace.text().replaceAll("[^0-9]", "");
            Optional<Recognized> r = digits.length() == grouping[i] ? Optional.of(new Recognized(digits, byFace.confidence())) : groupDigits(g, grouping[i], engine);
            if (r.isEmpty()) return new Recognized("", 0);
            faceRead |= digits.length() == grouping[i];
            text.append(text.length() == 0 ? "" : " ").append(r.get().text());
            confidence += r.get().confidence() / groups.size();
        }
        return faceRead ? new Recognized(text.toString(), confidence) : new Recognized("", 0);
    }

    /** The grouping printed in this many groups (4-4-4-4, 4-6-5 or 4-4-4-4-3), or null. */
    private static int[] groupingOf(int groups) {
        return GROUPINGS.stream().filter(g -> g.length == groups).findFirst().orElse(null);
    }

    /**
     * Each of a line's groups as a face reads it (every character named surely), joined with
     * spaces; empty when a group gives nothing. What {@link #anyGroupingsCount} judges when the
     * line's gaps showed no grouping (two groups run together through the camera's blur, as
     * 4-4-8-3) and the whole line was not read: each group's crop is matched at the blur its own
     * characters show best, where the whole line's one blur left a digit of the last group unsure.
     */
    static Recognized eachGroup(List<TextLines.Line> groups, TextRecognizer face) {
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        for (TextLines.Line g : groups) {
            Recognized r = face.readLine(g.crop(), g.cropWidth(), g.cropHeight(), DIGITS);
            if (r.text().isBlank()) return new Recognized("", 0);
            text.append(text.length() == 0 ? "" : " ").append(r.text().strip());
            confidence += r.confidence() / groups.size();
        }
        return new Recognized(text.toString(), confidence);
    }

    /**
     * The digits of a number line as one recognizer reads it. Read group by group where the
     * line's gaps split it as a scheme prints its numbers: each group must give exactly its digits
     * (an OCR engine reading a whole line at a card's 19 mm group pitch inserts and drops digits in
     * the gaps). Else the line is read whole, and taken when its length is that of the digits its
     * marks counted ({@link #countedGroups}), or else when the engine's own word breaks are a
     * scheme's grouping, or its length is that of the grouping the gaps showed, or of any grouping
     * where the gaps showed none of them (groups printed closer than the cut), or 12 to 19 digits
     * where there were no gaps.
     */
    static Optional<Recognized> number(TextLines.Line line, TextRecognizer reader) {
        List<TextLines.Line> groups = line.groups();
        int[] counted = countedGroups(groups);
        int[] grouping = counted != null ? counted : groupingOf(groups.size());
        Optional<Recognized> byGroup = grouping == null ? Optional.empty() : byGroup(groups, grouping, reader);
        if (byGroup.isPresent() && Luhn.valid(byGroup.get().text())) return byGroup;
        Recognized r = reader.readLine(line.crop(), line.cropWidth(), line.cropHeight(), DIGITS);
        String digits = r.text().replaceAll("[^0-9]", "");
        int[] words = Arrays.stream(r.text().strip().split("\\s+")).mapToInt(w -> w.replaceAll("[^0-9]", "").length()).filter(n -> n > 0).toArray();
        boolean grouped = GROUPINGS.stream().anyMatch(g -> Arrays.equals(g, words));
        // Where the marks counted the digits, the engine's words cannot overrule them: a line of
        // 19 marks read as 16 digits in four words dropped three.
        boolean fits = counted != null ? digits.length() == Arrays.stream(counted).sum()
                : grouped || (grouping != null ? digits.length() == Arrays.stream(grouping).sum()
                : groups.size() == 1 ? digits.length() >= 12 && digits.length() <= 19 && r.confidence() >= MIN_UNGROUPED_CONFIDENCE
                : GROUPINGS.stream().anyMatch(g -> Arrays.stream(g).sum() == digits.length()));
        Optional<Recognized> whole = fits ? Optional.of(new Recognized(digits, r.confidence())) : Optional.empty();
        // Group by group and whole, the engine reads a digit differently now and then (an
        // embossed 8 as a 3 in one group's crop, right in the line's): where the group reading
        // fails Luhn and the whole one passes, the whole one is this frame's reading. Two frames
        // must still agree on it, so a misread that happens to pass Luhn is not taken from one.
        if (whole.isPresent() && Luhn.valid(whole.get().text())) return whole;
        return byGroup.isPresent() ? byGroup : whole;
    }

    /**
     * How many digits each of a number line's groups holds where its marks (characters) counted
     * them, or null: the line shows two groups or more, and their marks are a scheme's grouping,
     * or one with neighbouring groups run together. Through the camera's blur the gap between two
     * groups of a 19-digit number closes (marks 4-8-4-3 for 4-4-4-4-3), and such a line is no
     * 4-4-4-4 that the engine may read as 16 digits. The groupings' totals (16, 15, 19) differ,
     * so the marks' total names the grouping. A line with no gaps is not counted so: there an
     * embossed number's digits join (19 digits in 16 marks), and the gaps that would show the
     * groups are gone with them.
     */
    static int[] countedGroups(List<TextLines.Line> groups) {
        if (groups.size() < 2) return null;
        int[] marks = groups.stream().mapToInt(TextLines.Line::marks).toArray();
        return GROUPINGS.stream().anyMatch(g -> runTogether(g, marks)) ? marks : null;
    }

    /** Whether {@code merged} is {@code grouping} with none, some or all neighbouring groups run together (4-8-4-3 of 4-4-4-4-3). */
    static boolean runTogether(int[] grouping, int[] merged) {
        int g = 0;
        for (int count : merged) {
            int sum = 0;
            while (g < grouping.length && sum < count) sum += grouping[g++];
            if (sum != count) return false;
        }
        return g == grouping.length;
    }

    /** Each group read as a word (then as a line), and taken only when every group gives its own count of digits. */
    private static Optional<Recognized> byGroup(List<TextLines.Line> groups, int[] grouping, TextRecognizer reader) {
        StringBuilder digits = new StringBuilder();
        double confidence = 0;
        for (int i = 0; i < groups.size(); i++) {
            Optional<Recognized> r = groupDigits(groups.get(i), grouping[i], reader);
            if (r.isEmpty()) return Optional.empty();
            digits.append(r.get().text());
            confidence += r.get().confidence() / groups.size();
        }
        return Optional.of(new Recognized(digits.toString(), confidence));
    }

    /** One group's digits as {@code reader} reads its crop as a word, else as a line: empty unless one gives {@code count} digits. */
    private static Optional<Recognized> groupDigits(TextLines.Line group, int count, TextRecognizer reader) {
        Recognized r = reader.readWord(group.crop(), group.cropWidth(), group.cropHeight(), DIGITS);
        String d = r.text().replaceAll("[^0-9]", "");
        if (d.length() != count) {
            r = reader.readLine(group.crop(), group.cropWidth(), group.cropHeight(), DIGITS);
            d = r.text().replaceAll("[^0-9]", "");
        }
        return d.length() == count ? Optional.of(new Recognized(d, r.confidence())) : Optional.empty();
    }

    /**
     * The MM/YY nearest below the number line: among the card's lines, else among the lines of the
     * band under the number, thresholded on that band's own ink (the expiry is printed smaller and
     * thinner than the number, and through a camera a card's art can outshine it).
     */
    private Expiry expiry(CardFace face, List<TextLines.Line> lines, TextLines.Line number) {
        Expiry found = expiryAmong(lines, number);
        if (found != null) return found;
        int from = (int) Math.round(number.y1() + 0.2 * number.height());
        int to = (int) Math.round(number.y1() + 3.5 * number.height());
        found = expiryAmong(TextLines.find(face, 18, 80, from, to, TextLines.STRONG_INK_SHARE, true), number);
        if (found != null) return found;
        found = expiryAmong(TextLines.find(face, 18, 80, from, to, FAINT_INK_SHARE, true), number);
        if (found != null) return found;
        // Last, the card's and the band's marks not grown along faint strokes (TextLines#marks):
        // a ring of a busy card's art that crosses an embossed expiry is grown into its digits.
        found = expiryAmong(TextLines.find(face, 18, 80, 0, CardFace.HEIGHT, TextLines.STRONG_INK_SHARE, false, false), number);
        if (found != null) return found;
        return expiryAmong(TextLines.find(face, 18, 80, from, to, TextLines.STRONG_INK_SHARE, true, false), number);
    }

    private Expiry expiryAmong(List<TextLines.Line> lines, TextLines.Line number) {
        List<TextLines.Line> candidates = lines.stream()
                .filter(l -> l != number && l.centreY() > number.centreY() + 0.5 * number.height() && l.marks() >= 3 && l.marks() <= 7
                        && l.x1() - l.x0() < 0.45 * CardFace.WIDTH)
                .sorted(Comparator.comparingDouble(l -> l.centreY() - number.centreY()))
                .toList();
        // Lines over one another are read as one place on the card: embossed print is found
        // twice, as its shadow and as its highlight, and busy art makes lines of its own over
        // the print. The nearest three places below the number are read, nearest first.
        List<List<TextLines.Line>> places = new ArrayList<>();
        for (TextLines.Line l : candidates) {
            places.stream().filter(p -> p.stream().anyMatch(o -> overlap(o, l))).findFirst()
                    .ifPresentOrElse(p -> p.add(l), () -> places.add(new ArrayList<>(List.of(l))));
        }
        for (List<TextLines.Line> place : places.subList(0, Math.min(3, places.size()))) {
            // A face with a font of its own (OCR-A) is read by its font first: that reader names a
            // character only when sure of it, so a date it gives is taken as it is.
            for (TextRecognizer byFont : faces) {
                for (TextLines.Line l : place) {
                    Optional<Expiry> date = date(byFont.readLine(l.crop(), l.cropWidth(), l.cropHeight(), DIGITS + "/"));
                    if (date.isPresent()) return date.get();
                }
            }
            // Else each line is read twice, as a line and as a word, and the place gives its date
            // only if every reading that holds a date holds the same one (a 0 read as a 9, or the
            // highlight of an embossed 11/28 read 11/23, is not passed on to the vote); a reading
            // with no date in it is no contradiction (it often drops the slash or adds a digit).
            // Each line's crop is read as it is and, for its slash, as rendered to keep faint
            // strokes (TextLines.Line#withFaintInk): a thin serif slash through the camera's blur
            // is erased from the first, and the engine reads `03/28` as `0328`. The second
            // rendering is bolder and fills a 9's counter (`09/29` read `03/29`), so a date read
            // from it counts only when its digits are those a reading of the first gave. Where
            // the slash is lost from every rendering but its place is seen in the line's ink
            // (DateSlash), MM and YY are read apart beside it (pairsBeside).
            Set<Expiry> dates = new HashSet<>();
            for (TextLines.Line l : place) {
                TextLines.Line faint = l.withFaintInk();
                dates.addAll(lineDates(List.of(ocr.readLine(l.crop(), l.cropWidth(), l.cropHeight(), DIGITS + "/"),
                                ocr.readWord(l.crop(), l.cropWidth(), l.cropHeight(), DIGITS + "/")),
                        List.of(ocr.readLine(faint.crop(), faint.cropWidth(), faint.cropHeight(), DIGITS + "/"),
                                ocr.readWord(faint.crop(), faint.cropWidth(), faint.cropHeight(), DIGITS + "/")),
                        twoPairs(l), DateSlash.find(l).flatMap(slash -> pairsBeside(l, slash))));
            }
            if (dates.size() == 1) return dates.iterator().next();
            if (dates.size() > 1) return null;
        }
        return null;
    }

    /**
     * The dates in one line's readings: those of its own crop ({@code own}), and those of its
     * crop that keeps faint strokes ({@code faint}) whose four digits a reading of its own crop
     * gave (that crop shows where a lost slash stood, but fills a 9's counter: `03/29` for `09/29`).
     */
    static Set<Expiry> lineDates(List<Recognized> own, List<Recognized> faint, boolean twoPairs) {
        return lineDates(own, faint, twoPairs, Optional.empty());
    }

    /**
     * As {@link #lineDates(List, List, boolean)}, and the date of MM and YY read apart beside
     * the line's slash ({@link #pairsBeside}), where a reading of either crop gave its four
     * digits: the engine lost the thin slash from the line's readings (`05/30` read `0530`), so
     * they hold no date, but one of them confirms the pairs' digits (a cut through a digit
     * beside the slash reads it as another). Its digits also let a faint-ink reading's date
     * count (`11/31` read `131` from the line's crop and `11/31` from the faint-ink crop).
     */
    static Set<Expiry> lineDates(List<Recognized> own, List<Recognized> faint, boolean twoPairs, Optional<Expiry> pairs) {
        Set<Expiry> dates = new HashSet<>();
        Set<String> digitsRead = new HashSet<>();
        for (Recognized r : own) {
            date(r, twoPairs).ifPresent(dates::add);
            digitsRead.add(r.text().replaceAll("[^0-9]", ""));
        }
        Set<String> faintDigits = new HashSet<>();
        for (Recognized r : faint) faintDigits.add(r.text().replaceAll("[^0-9]", ""));
        if (pairs.isPresent() && confirmed(digits(pairs.get()), digitsRead, faintDigits)) {
            dates.add(pairs.get());
            digitsRead.add(digits(pairs.get()));
        }
        for (Recognized r : faint) date(r, twoPairs).filter(d -> digitsRead.contains(digits(d))).ifPresent(dates::add);
        return dates;
    }

    /**
     * The date of a line whose slash {@link DateSlash} saw: MM, cut from the line's crop left of
     * the stroke, and YY, cut from right of it ({@link #SLASH_REACH} of the line's height off its
     * centre each side), set a character's height apart and read as one line that must be two
     * two-digit words, the first a month. Read as a line, not as two words: the engine reads a
     * pair alone poorly (the `11` of a sans `11/31` through the camera right in 2 of 20 readings
     * as a word, nothing in 14).
     */
    private Optional<Expiry> pairsBeside(TextLines.Line line, DateSlash.Slash slash) {
        int reach = (int) Math.ceil(SLASH_REACH * (line.y1() - line.y0() + 1));
        TextLines.Line mm = line.between(line.x0(), slash.leftOf(reach));
        TextLines.Line yy = line.between(slash.rightOf(reach), line.x1());
        if (mm.cropHeight() != yy.cropHeight()) return Optional.empty();
        int height = mm.cropHeight(), gap = height;
        int width = mm.cropWidth() + gap + yy.cropWidth();
        byte[] apart = new byte[width * height];
        Arrays.fill(apart, (byte) 255);
        for (int y = 0; y < height; y++) {
            System.arraycopy(mm.crop(), y * mm.cropWidth(), apart, y * width, mm.cropWidth());
            System.arraycopy(yy.crop(), y * yy.cropWidth(), apart, y * width + mm.cropWidth() + gap, yy.cropWidth());
        }
        return pairs(ocr.readLine(apart, width, height, DIGITS));
    }

    /** MM and YY read apart ({@link #pairsBeside}): the reading is two words of two digits each, the first a month; else empty. */
    static Optional<Expiry> pairs(Recognized read) {
        Matcher m = PAIRS.matcher(read.text().strip());
        return m.matches() ? Optional.of(new Expiry(Integer.parseInt(m.group(1)), 2000 + Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    /**
     * Whether a whole-line reading (of either crop) gave these four digits MMYY, or them with a 1
     * beside the slash lost with it: a 1 and the slash, two thin strokes side by side, run together
     * under the camera's blur and are read as one digit (a sans `11/31` read `131` in 16 of 16
     * readings of four frames). Another digit lost there is no confirmation: the pairs' reading
     * of the digit beside the slash is the one most at risk (cut too close, a 3 read as a 7).
     */
    static boolean confirmed(String mmyy, Set<String> own, Set<String> faint) {
        Set<String> read = new HashSet<>(own);
        read.addAll(faint);
        return read.contains(mmyy) || mmyy.charAt(1) == '1' && read.contains(mmyy.substring(0, 1) + mmyy.substring(2))
                || mmyy.charAt(2) == '1' && read.contains(mmyy.substring(0, 2) + mmyy.substring(3));
    }

    /** An expiry's four digits as printed, MMYY. */
    static String digits(Expiry e) {
        return String.format("%02d%02d", e.month(), e.year() % 100);
    }

    private static boolean overlap(TextLines.Line a, TextLines.Line b) {
        return a.x0() < b.x1() && b.x0() < a.x1() && a.y0() < b.y1() && b.y0() < a.y1();
    }

    /**
     * As {@link #date(Recognized)}, and where the line's marks are two pairs ({@link #twoPairs}),
     * four digits alone ({@code 1228}) are MM and YY too: the slash was lost, and the gap it
     * leaves between the pairs shows where it stood.
     */
    static Optional<Expiry> date(Recognized r, boolean twoPairs) {
        Optional<Expiry> date = date(r);
        if (date.isPresent() || !twoPairs) return date;
        Matcher m = FOUR_DIGITS_MMYY.matcher(r.text().strip());
        return m.matches() ? Optional.of(new Expiry(Integer.parseInt(m.group(1)), 2000 + Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    /**
     * Whether a line is four marks whose middle step (from the second's centre to the third's) is
     * at least {@link #SLASH_GAP} times each of the others: MM and YY with the slash between them
     * lost (centres, not gaps: a narrow 1 leaves wide gaps beside it). Four digits printed at one
     * pitch (a number's first group repeated under it) are no date.
     */
    static boolean twoPairs(TextLines.Line line) {
        List<TextLines.Box> marks = line.boxes().stream().sorted(Comparator.comparingInt(TextLines.Box::x0)).toList();
        if (marks.size() != 4) return false;
        double[] steps = new double[3];
        for (int i = 0; i < 3; i++) steps[i] = (marks.get(i + 1).x0() + marks.get(i + 1).x1() - marks.get(i).x0() - marks.get(i).x1()) / 2.0;
        return steps[1] >= SLASH_GAP * Math.max(steps[0], steps[2]);
    }

    /**
     * The MM/YY in one OCR reading of an expiry's line. Besides MM/YY standing alone: a reading
     * that is nothing but two two-digit words whose first is a month ({@code 08 29}), a date whose
     * thin slash the binarization lost (a serif expiry through the camera read so in 3 of 3
     * frames); and a month's tens digit read as a 6 ({@code 69/31}), which no month has, taken as
     * the 0 it was (an embossed 0's shading read as a 6 in 6 of 6 frames of two cards, where the
     * rest of the date was right). Two frames must still read the same date (DESIGN §5.4).
     */
    static Optional<Expiry> date(Recognized r) {
        Matcher m = DATE.matcher(r.text().replace(" ", ""));
        if (m.find()) return Optional.of(new Expiry(Integer.parseInt(m.group(1)), 2000 + Integer.parseInt(m.group(2))));
        Matcher slashLost = DATE_WITHOUT_SLASH.matcher(r.text().strip());
        if (slashLost.matches()) return Optional.of(new Expiry(Integer.parseInt(slashLost.group(1)), 2000 + Integer.parseInt(slashLost.group(2))));
        Matcher sixForZero = DATE_SIX_FOR_ZERO.matcher(r.text().replace(" ", ""));
        if (sixForZero.find()) return Optional.of(new Expiry(Integer.parseInt(sixForZero.group(1)), 2000 + Integer.parseInt(sixForZero.group(2))));
        return Optional.empty();
    }
}
