package io.wavebench.simulators.reader;

import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.CodeKind;
import io.wavebench.drivers.codes.CodeScanner;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.PayloadCheck;
import io.wavebench.drivers.optical.Camera;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.BarcodeAuthorization;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;
import io.wavebench.simulators.token.PaymentToken;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The reader's code camera (DESIGN §5.2, issue 6): what its {@link Camera} sees is decoded from
 * pixels by a {@link CodeScanner}, and a value goes where the spec says:
 * <ul>
 *   <li>a QR code carrying an offline token goes through exactly the rules a token heard over the
 *       air goes through ({@link SimulatedReader#heard}), verified offline;</li>
 *   <li>an 18-digit, prefix-28 Code 128 barcode is verified online: the backend takes a hold of
 *       the session's funds (and the code is used up); the vend is then approved against the hold
 *       and captured afterwards. With no network the barcode is declined with its own reason,
 *       {@link CodeRefusal#READER_OFFLINE}.</li>
 * </ul>
 * Network calls run on this component's own thread, never the MDB thread.
 */
public final class CodeReader implements Startable {

    /** What happened to each value read, in order (for {@code @needs:reader-internals} and evidence). */
    public record Event(Instant at, CodeKind kind, String outcome) {}

    private static final PayloadCheck TOKEN_SHAPE = PayloadCheck.tokenShape(
            Set.of(PaymentToken.ONE_WAY_BYTES, PaymentToken.TWO_WAY_BYTES), Set.of(0x01, 0x02));

    private final SimulatedReader reader;
    private final BackendClient backend;
    private final Clock clock;
    private final long holdAmount;
    private final CodeScanner scanner;
    private final ExecutorService network;
    private final List<Event> events = new ArrayList<>();

    /**
     * @param backend the reader's way to the backend (through its own, possibly cut, network)
     * @param holdAmount what a barcode session asks the backend to hold: the most one vend costs
     */
    public CodeReader(SimulatedReader reader, Camera camera, BackendClient backend, Clock clock, long holdAmount) {
        this.reader = reader;
        this.backend = backend;
        this.clock = clock;
        this.holdAmount = holdAmount;
        this.scanner = new CodeScanner("reader-" + reader.readerId(), camera,
                List.of(CodeDecoder.qr(TOKEN_SHAPE), CodeDecoder.code128(BarcodeCheck.PAYMENT_CODE)), this::read);
        this.network = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reader-" + reader.readerId() + "-network");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start() {
        scanner.start();
    }

    public CodeScanner scanner() {
        return scanner;
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    private void read(DecodeResult.Decoded value) {
        if (value.kind() == CodeKind.QR_CODE) {
            event(CodeKind.QR_CODE, "token of " + value.bytes().length + " bytes at rung " + value.rung() + ": offline rules");
            reader.heard(value.bytes());
            return;
        }
        String code = value.text();
        if (reader.cashlessState() != CashlessState.ENABLED) {
            event(CodeKind.CODE_128, "barcode ignored: reader is " + reader.cashlessState());
            return;
        }
        network.execute(() -> authorize(code));
    }

    private void authorize(String code) {
        BarcodeAuthorization hold;
        try {
            hold = backend.authorizeBarcode(code, reader.readerId(), holdAmount);
        } catch (BackendException e) {
            CodeRefusal refusal = CodeRefusal.of(e.error());
            event(CodeKind.CODE_128, "barcode declined: " + refusal.description() + " (" + e.error() + ": " + e.getMessage() + ")");
            reader.display(refusal.displayText());
            return;
        }
        BarcodeSession session = new BarcodeSession(hold);
        if (reader.beginOnlineSession(hold.held(), session)) {
            event(CodeKind.CODE_128, "barcode held online: authorization " + hold.authorizationId() + ", " + hold.held());
        } else {
            event(CodeKind.CODE_128, "barcode held but no session could begin (reader " + reader.cashlessState() + "): releasing");
            session.release();
        }
    }

    /** A session paid by a barcode hold: approve within the hold, capture what was vended, release the rest. */
    private final class BarcodeSession implements OnlineSession {
        private final BarcodeAuthorization hold;
        private long approved;
        private int approvedItem;
        private boolean settled;

        BarcodeSession(BarcodeAuthorization hold) {
            this.hold = hold;
        }

        @Override
        public synchronized VendDecision authorize(VendRequest request) {
            if (settled || approved > 0) return VendDecision.deny("barcode authorization " + hold.authorizationId() + " pays for one vend");
            if (request.priceMinorUnits() > hold.held()) return VendDecision.deny("price " + request.priceMinorUnits() + " over the hold of " + hold.held());
            approved = request.priceMinorUnits();
            approvedItem = request.item();
            event(CodeKind.CODE_128, "vend of item " + request.item() + " for " + approved + " approved against authorization " + hold.authorizationId());
            return VendDecision.approve(approved);
        }

        @Override
        public synchronized void vendSucceeded(int item, long amount) {
            if (settled) return;
            settled = true;
            long charge = approved > 0 ? approved : amount;
            int chargedItem = approved > 0 ? approvedItem : item;
            network.execute(() -> {
                try {
                    backend.captureBarcode(hold.authorizationId(), charge, chargedItem);
                    event(CodeKind.CODE_128, "captured " + charge + " for item " + chargedItem + " (authorization " + hold.authorizationId() + ")");
                } catch (BackendException e) {
                    // A real reader keeps the capture and retries at its next sync; the hold stays meanwhile.
                    event(CodeKind.CODE_128, "capture failed: " + e.error() + ": " + e.getMessage());
                }
            });
        }

        @Override
        public synchronized void vendFailed() {
            approved = 0;
        }

        @Override
        public synchronized void sessionComplete() {
            if (!settled) release();
        }

        synchronized void release() {
            settled = true;
            network.execute(() -> {
                try {
                    backend.releaseBarcode(hold.authorizationId());
                    event(CodeKind.CODE_128, "released authorization " + hold.authorizationId());
                } catch (BackendException e) {
                    event(CodeKind.CODE_128, "release failed: " + e.error() + ": " + e.getMessage());
                }
            });
        }
    }

    private synchronized void event(CodeKind kind, String outcome) {
        events.add(new Event(clock.instant(), kind, outcome));
    }

    @Override
    public void close() {
        scanner.close();
        network.shutdown();
        try {
            network.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
