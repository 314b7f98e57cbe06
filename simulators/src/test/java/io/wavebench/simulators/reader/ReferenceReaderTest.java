package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.JavaSoundAudioIn;
import io.wavebench.drivers.audio.JavaSoundAudioOut;
import io.wavebench.drivers.audio.loopback.LoopbackCable;
import io.wavebench.drivers.audio.loopback.LoopbackCables;
import io.wavebench.drivers.codes.QrCodes;
import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.net.TcpRelay;
import io.wavebench.drivers.ocr.TesseractRecognizer;
import io.wavebench.drivers.optical.Camera;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.OpticalModel;
import io.wavebench.drivers.optical.PaymentPage;
import io.wavebench.drivers.optical.SimulatedCamera;
import io.wavebench.drivers.optical.SimulatedScreen;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.backend.SimulatedBackend;
import io.wavebench.simulators.backend.api.KioskRefusal;
import io.wavebench.simulators.backend.api.SoldTicket;
import io.wavebench.simulators.backend.api.TicketOrder;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.printer.SimulatedPrinter;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.token.ChallengeFrames;
import io.wavebench.simulators.token.PaymentToken;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference reader as one device, from outside: the VMC's bus (its display included), the
 * printer, the backend. Sound through loopback cable 2 in FAST mode, MDB over an in-memory serial
 * pair, codes from a simulated camera looking at a simulated phone screen.
 */
class ReferenceReaderTest {

    private static final String CABLE = "wavebench loopback 2";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();
    private final Issuer issuer = new Issuer(1, key(1), clock, 100);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private SimulatedVmc vmc;

    @AfterEach
    void takeDown() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
        LoopbackCables.cable(CABLE).reset();
    }

    private <T extends AutoCloseable> T keep(T thing) {
        opened.add(thing);
        return thing;
    }

    /** A reader on MDB with a VMC that has set it up and enabled it. */
    private ReferenceReader vendingReader(ReferenceReader.Builder builder) {
        InMemorySerialLink[] bus = InMemorySerialLink.pair("reader-mdb", "vmc-mdb");
        ReferenceReader reader = keep(builder.clock(clock).mdb(new PtyMdbTransport(bus[0]), new InMemoryAuthorizationJournal())
                .issuerKeys(Map.of(1, issuer.publicKey())).build());
        reader.start();
        PtyMdbTransport vmcSide = keep(new PtyMdbTransport(bus[1]));
        vmcSide.open();
        vmc = keep(new SimulatedVmc(vmcSide, Catalog.of(new Catalog.Item(12, "Sparkling water", 150)), Duration.ofMillis(25), Duration.ofMillis(100)));
        vmc.start();
        vmc.awaitEvent(VmcEvent.Type.READER_ENABLED, WITHIN);
        return reader;
    }

    private PaymentToken token() {
        Wallet wallet = new Wallet(key(2));
        wallet.install(issuer.provision(7, wallet.devicePublicKey(), 20_00, 978, Duration.ofDays(1)));
        return wallet.nextToken(clock);
    }

    @Test
    void a_token_sounded_in_two_profiles_at_once_is_one_payment_not_a_replay() {
        LoopbackCable cable = LoopbackCables.cable(CABLE);
        cable.reset();
        cable.mode(LoopbackCable.Mode.FAST);
        ReferenceReader reader = vendingReader(ReferenceReader.builder("two-ears")
                .microphone(fastCableMicrophone(), List.of(ModemProfile.ROBUST, ModemProfile.ULTRASONIC)));
        JavaSoundAudioOut phone = keep(new JavaSoundAudioOut(CABLE));
        phone.open();
        byte[] payload = token().encode();
        // A phone that plays its token audibly and ultrasonically at once: both receivers decode it.
        float[] robust = AcousticModem.of(ModemProfile.ROBUST, 48_000f).modulate(payload);
        float[] ultrasonic = AcousticModem.of(ModemProfile.ULTRASONIC, 48_000f).modulate(payload);
        float[] both = new float[Math.max(robust.length, ultrasonic.length) + 48_000];
        for (int i = 0; i < robust.length; i++) both[i] += 0.5f * robust[i];
        for (int i = 0; i < ultrasonic.length; i++) both[i] += 0.5f * ultrasonic[i];

        vmc.select(12);
        phone.play(both);

        assertEquals(150, vmc.awaitEvent(VmcEvent.Type.VEND_APPROVED, WITHIN).amountMinorUnits());
        vmc.awaitEvent(VmcEvent.Type.SESSION_ENDED, WITHIN);
        // The ultrasonic copy is twice as long on air: it is decoded after the robust one paid.
        awaitTrue("the second receiver's copy is heard and dropped", () -> reader.events().stream()
                .anyMatch(e -> e.kind() == ReaderEvent.Kind.IGNORED && e.detail().contains("one sound, taken once")));
        assertEquals(1, vmc.eventCount(VmcEvent.Type.SESSION_BEGAN), () -> "one payment: " + vmc.events());
        assertEquals(List.of(), vmc.events().stream().filter(e -> e.type() == VmcEvent.Type.DISPLAYED).toList(), "nothing refused: not a replay");
    }

    @Test
    void a_challenge_frame_on_the_air_is_a_readers_voice_never_refused_on_the_display() {
        LoopbackCable cable = LoopbackCables.cable(CABLE);
        cable.reset();
        cable.mode(LoopbackCable.Mode.FAST);
        ReferenceReader reader = vendingReader(ReferenceReader.builder("hears-itself").microphone(fastCableMicrophone(), List.of(ModemProfile.ROBUST)));
        JavaSoundAudioOut air = keep(new JavaSoundAudioOut(CABLE));
        air.open();
        AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, 48_000f);
        air.play(modem.modulate(ChallengeFrames.challenge(new byte[PaymentToken.CHALLENGE_BYTES])));
        // Then something the reader does refuse, so there is an answer to wait for: nothing before it.
        air.play(modem.modulate("not a payment token".getBytes()));
        air.play(new float[48_000]);
        assertEquals("DECLINED 01 MALFORMED", vmc.awaitEvent(VmcEvent.Type.DISPLAYED, WITHIN).detail(), "the first thing displayed is the malformed frame's refusal");
        assertEquals(1, vmc.eventCount(VmcEvent.Type.DISPLAYED));
        assertTrue(reader.events().stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.IGNORED && e.detail().contains("CHALLENGE frame")), () -> "" + reader.events());
    }

    @Test
    void a_payment_qr_held_still_pays_once_and_shown_again_after_the_view_emptied_is_a_replay() {
        SimulatedScreen screen = new SimulatedScreen();
        HeldOver camera = new HeldOver(screen);
        vendingReader(ReferenceReader.builder("qr-reader").camera(camera, null));
        screen.showCode(QrCodes.encode(token().encode()));

        vmc.select(12);
        camera.hold(true);
        assertEquals(150, vmc.awaitEvent(VmcEvent.Type.VEND_APPROVED, WITHIN).amountMinorUnits());
        vmc.awaitEvent(VmcEvent.Type.SESSION_ENDED, WITHIN);
        int after = vmc.eventCount();
        camera.awaitFrames(10); // still held over the window: the same value is not taken again
        assertEquals(1, vmc.eventCount(VmcEvent.Type.SESSION_BEGAN), () -> "one session for one presentation: " + vmc.events());

        camera.hold(false);
        camera.awaitFrames(3);
        camera.hold(true); // the same code shown again: a recording of it, to the offline rules
        VmcEvent refused = vmc.observeEvent("DISPLAYED", e -> e.type() == VmcEvent.Type.DISPLAYED, WITHIN, after).found().orElseThrow(() -> new AssertionError("" + vmc.events()));
        assertEquals("DECLINED 09 REPLAY", refused.detail());
    }

    /**
     * A camera that catches a wallet page before its code is drawn (a window being painted, a
     * blurred frame) sees its white panel, card-shaped: the reader must not take it for a card photo
     * and ask for a retake, and must read the code once it shows.
     */
    @Test
    void a_code_page_caught_before_its_code_shows_is_no_card_and_its_code_pays_once_it_does() {
        SimulatedScreen screen = new SimulatedScreen();
        HeldOver camera = new HeldOver(screen);
        ReferenceReader reader = vendingReader(ReferenceReader.builder("page-reader").camera(camera, () -> new TesseractRecognizer().open()).ocrAtStart(true));
        BufferedImage page = PaymentPage.render(screen.display(), QrCodes.encode(token().encode()));
        BufferedImage blank = new BufferedImage(page.getWidth(), page.getHeight(), page.getType());
        Graphics2D g = blank.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.setColor(Color.WHITE);
        g.fillRect(page.getWidth() / 8, page.getHeight() * 3 / 8, page.getWidth() * 3 / 4, page.getHeight() / 4); // the code not drawn yet
        g.dispose();
        screen.show(blank);

        vmc.select(12);
        camera.hold(true);
        camera.awaitFrames(3);
        screen.show(page);

        assertEquals(150, vmc.awaitEvent(VmcEvent.Type.VEND_APPROVED, WITHIN).amountMinorUnits(), () -> "the reader said " + reader.events());
        vmc.awaitEvent(VmcEvent.Type.SESSION_ENDED, WITHIN);
        assertEquals(List.of(), vmc.events().stream().filter(e -> e.type() == VmcEvent.Type.DISPLAYED).toList(), "no retake asked for a code's page");
        System.out.println("page before its code: card reading " + (reader.events().stream().anyMatch(e -> e.detail().contains("not a card")) ? "started and dropped" : "not started"));
    }

    /**
     * A card is answered once per presentation; the phone showing another photo is a new one, even
     * when the camera catches no empty frame between them (a window redraws faster than a frame,
     * and a camera busy with OCR misses the moment). Before this, a card the reader had asked to be
     * shown again blinded it to every other card until the view happened to be caught empty.
     */
    @Test
    void a_card_is_answered_once_while_held_and_another_photo_in_its_place_is_read_afresh() {
        SimulatedScreen screen = new SimulatedScreen();
        HeldOver camera = new HeldOver(screen);
        vendingReader(ReferenceReader.builder("card-reader").camera(camera, () -> new TesseractRecognizer().open()).ocrAtStart(true));
        // Card-shaped, with nothing printed on them: the reader finds a card and asks for another photo.
        screen.show(blankCardPhoto(new Color(40, 40, 48), new Color(180, 200, 230), 0.12, 0.30));
        camera.hold(true);
        VmcEvent first = vmc.awaitEvent(VmcEvent.Type.DISPLAYED, WITHIN);
        camera.awaitFrames(30); // held still: the same presentation, not answered again
        assertEquals(1, vmc.eventCount(VmcEvent.Type.DISPLAYED), () -> "one answer while the card is held: " + vmc.events());

        int after = vmc.eventCount();
        screen.show(blankCardPhoto(new Color(230, 225, 210), new Color(150, 30, 40), 0.20, 0.42)); // no empty frame between
        VmcEvent second = vmc.observeEvent("DISPLAYED", e -> e.type() == VmcEvent.Type.DISPLAYED, WITHIN, after).found()
                .orElseThrow(() -> new AssertionError("another photo in place of the first was not read: " + vmc.events()));
        assertEquals(first.detail(), second.detail(), "both are card shapes without a number");
    }

    /** What {@link ReaderCamera#NEW_VIEW_CHANGE} separates: frames of one held photo, and two photos. */
    @Test
    void frames_of_one_held_photo_differ_far_less_than_two_photos_do() {
        SimulatedScreen screen = new SimulatedScreen();
        SimulatedCamera held = new SimulatedCamera(screen, OpticalModel.typical().withSeed(5));
        screen.show(blankCardPhoto(new Color(40, 40, 48), new Color(180, 200, 230), 0.12, 0.30));
        float[] firstFrame = ReaderCamera.outline(held.frame(0));
        double within = IntStream.range(1, 30)
                .mapToDouble(n -> ReaderCamera.change(firstFrame, ReaderCamera.outline(held.frame(n)))).max().orElseThrow();
        screen.show(blankCardPhoto(new Color(230, 225, 210), new Color(150, 30, 40), 0.20, 0.42));
        double between = ReaderCamera.change(firstFrame, ReaderCamera.outline(held.frame(30)));
        System.out.printf(Locale.ROOT, "view outline change: one held photo at most %.1f, another photo %.1f (new view above %.0f)%n",
                within, between, ReaderCamera.NEW_VIEW_CHANGE);
        assertTrue(within < ReaderCamera.NEW_VIEW_CHANGE / 2, () -> "one photo's frames changed by " + within);
        assertTrue(between > ReaderCamera.NEW_VIEW_CHANGE * 2, () -> "two photos differ by " + between);
    }

    /** A photo of a card with nothing printed on it: {@code card} on {@code background}, its left edge at {@code x} and top at {@code y} of the photo. */
    private static BufferedImage blankCardPhoto(Color background, Color card, double x, double y) {
        BufferedImage photo = new BufferedImage(1080, 2340, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.setColor(card);
        int width = (int) (photo.getWidth() * 0.7);
        g.fillRoundRect((int) (photo.getWidth() * x), (int) (photo.getHeight() * y), width, (int) (width / 1.586), 40, 40); // ISO/IEC 7810 ID-1
        g.dispose();
        return photo;
    }

    @Test
    void a_kiosk_prints_a_ticket_reports_its_redemption_and_reports_a_refusal_with_what_it_said() throws Exception {
        SimulatedBackend backend = keep(new SimulatedBackend(SimulatedBackend.Config.inMemory(1, key(1))).ticketingKey(1, key(63)));
        backend.start();
        TcpRelay network = keep(TcpRelay.start("kiosk", backend.url()));
        InMemorySerialLink[] cable = InMemorySerialLink.pair("kiosk-printer", "printer");
        cable[1].open(SerialEscPosPrinter.SERIAL_SETTINGS);
        SimulatedPrinter printer = keep(new SimulatedPrinter(cable[1]));
        printer.start();
        SimulatedScreen screen = new SimulatedScreen();
        HeldOver camera = new HeldOver(screen);
        ReferenceReader kiosk = keep(ReferenceReader.builder("kiosk-t").clock(clock).camera(camera, null)
                .kiosk(new SerialEscPosPrinter(cable[0], Duration.ofSeconds(1), Duration.ofSeconds(5)),
                        new KioskSettings("kiosk-t", 7, "CINEMA 7", Map.of(1, key(63).getPublic())))
                .uplink(new BackendClient(network.uri(), Duration.ofSeconds(3)), Duration.ofMillis(200)).build());
        kiosk.start();
        BackendClient operator = backend.client();
        SoldTicket ticket = operator.buyTicket(new TicketOrder(4242L, 7L, clock.instant().plus(Duration.ofHours(2)), List.of("G12")));

        screen.showCode(QrCodes.encode(ticket.code()));
        camera.hold(true);
        assertTrue(printer.awaitReceipts(1, WITHIN).get(0).nonBlankLines().contains("ticket " + ticket.ticketId()));
        awaitTrue("the redemption reaches the backend", () -> operator.ticket(ticket.ticketId()).redemptions().size() == 1);

        camera.hold(false);
        camera.awaitFrames(3);
        printer.openCover();
        camera.hold(true); // the same ticket again: already redeemed, reported as refused
        awaitTrue("a refusal reaches the backend", () -> !operator.kioskRefusals("kiosk-t").isEmpty());
        KioskRefusal refused = operator.kioskRefusals("kiosk-t").get(0);
        assertEquals("ALREADY_REDEEMED", refused.refusal());
        assertEquals(ticket.ticketId(), refused.ticketId());
        assertEquals("ALREADY REDEEMED", refused.said());
        assertEquals(1, printer.receipts().size(), "nothing more printed");
    }

    @Test
    void a_reader_syncs_on_its_own_while_it_can_reach_the_backend_and_is_quietly_offline_while_not() {
        SimulatedBackend backend = keep(new SimulatedBackend(SimulatedBackend.Config.inMemory(1, key(1))));
        backend.start();
        TcpRelay network = keep(TcpRelay.start("reader", backend.url()));
        ReferenceReader reader = vendingReader(ReferenceReader.builder("syncs-alone")
                .uplink(new BackendClient(network.uri(), Duration.ofSeconds(1)), Duration.ofMillis(100)).camera(new HeldOver(new SimulatedScreen()), null));
        BackendClient operator = backend.client();
        awaitTrue("three syncs reach the backend", () -> syncs(operator) >= 3);
        assertTrue(reader.online());

        network.cut();
        awaitTrue("the reader notices it is offline", () -> reader.events().stream().anyMatch(e -> e.kind() == ReaderEvent.Kind.OFFLINE));
        assertTrue(!reader.online());
        var before = operator.readerStatus("syncs-alone").lastSyncAt();
        network.restore();
        awaitTrue("a sync after the network came back", () -> operator.readerStatus("syncs-alone").lastSyncAt().isAfter(before));
        awaitTrue("the reader says it is back", () -> reader.events().stream().filter(e -> e.kind() == ReaderEvent.Kind.ONLINE).count() >= 2);
        assertEquals(List.of(), vmc.events().stream().filter(e -> e.type() == VmcEvent.Type.DISPLAYED).toList(), "being offline tells the shopper nothing");
    }

    /** FAST mode hands a whole sound over at once: the microphone's buffer holds one. */
    private static JavaSoundAudioIn fastCableMicrophone() {
        return new JavaSoundAudioIn(CABLE, 48_000f, Duration.ofSeconds(5));
    }

    private static long syncs(BackendClient operator) {
        try {
            return operator.readerStatus("syncs-alone").syncs();
        } catch (RuntimeException notRegisteredYet) {
            return 0;
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WITHIN.toMillis() + " ms: " + what);
            LockSupport.parkNanos(20_000_000L);
        }
    }

    /** A camera the phone is held over or not: the phone's screen through the typical optics, else the dark window. */
    private static final class HeldOver implements Camera {
        private final SimulatedCamera view;
        private final byte[] dark = new byte[SimulatedCamera.Sensor.READER.width() * SimulatedCamera.Sensor.READER.height()];
        private volatile boolean held;
        private long frames;

        HeldOver(SimulatedScreen screen) {
            this.view = new SimulatedCamera(screen, OpticalModel.typical().withSeed(5));
            Arrays.fill(dark, (byte) 6);
        }

        void hold(boolean over) {
            held = over;
        }

        synchronized void awaitFrames(int n) {
            long target = frames + n;
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (frames < target && System.nanoTime() < deadline) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public Frame capture() {
            long n;
            synchronized (this) {
                n = frames++;
                notifyAll();
            }
            return held ? view.frame(n) : new Frame(width(), height(), dark, n);
        }

        @Override
        public int width() {
            return SimulatedCamera.Sensor.READER.width();
        }

        @Override
        public int height() {
            return SimulatedCamera.Sensor.READER.height();
        }

        @Override
        public double framesPerSecond() {
            return SimulatedCamera.Sensor.READER.framesPerSecond();
        }
    }
}
