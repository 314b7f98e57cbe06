package io.wavebench.simulators.reader;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.BarcodeAuthorization;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Payment barcodes (DESIGN §5.2): an 18-digit, prefix-28 Code 128 value read by the camera is
 * verified online — the backend takes a hold of the session's funds (and the code is used up);
 * the vend is then approved against the hold and captured afterwards, the rest released. With no
 * network the barcode is declined with its own reason ({@link ReaderRefusal#READER_OFFLINE}).
 * Network calls run on a thread of their own, never the MDB or the camera thread.
 */
final class OnlineBarcodes implements AutoCloseable {

    private final String readerId;
    private final ReaderPayments payments;
    /** Null for a reader with no uplink: every barcode is then declined as offline. */
    private final Uplink uplink;
    private final Clock clock;
    private final long holdAmount;
    private final ReaderLog log;
    private final ExecutorService network;

    /** @param holdAmount what a barcode session asks the backend to hold: the most one vend costs */
    OnlineBarcodes(String readerId, ReaderPayments payments, Uplink uplink, Clock clock, long holdAmount, ReaderLog log) {
        this.readerId = readerId;
        this.payments = payments;
        this.uplink = uplink;
        this.clock = clock;
        this.holdAmount = holdAmount;
        this.log = log;
        this.network = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reader-" + readerId + "-barcodes");
            t.setDaemon(true);
            return t;
        });
    }

    /** A payment barcode the camera read. */
    void read(String code) {
        if (!payments.takesPayments()) {
            event("barcode ignored: reader is " + payments.cashlessState());
            return;
        }
        network.execute(() -> authorize(code));
    }

    private void authorize(String code) {
        BarcodeAuthorization hold;
        try {
            if (uplink == null) throw new BackendException(BackendError.BACKEND_UNREACHABLE, "this reader has no uplink to a backend");
            hold = uplink.client().authorizeBarcode(code, readerId, holdAmount);
            uplink.reached(true, "barcode authorization");
        } catch (BackendException e) {
            ReaderRefusal refusal = refusalOf(e.error());
            if (e.error() == BackendError.BACKEND_UNREACHABLE && uplink != null) uplink.reached(false, e.getMessage());
            event("barcode declined: " + refusal.description() + " (" + e.error() + ": " + e.getMessage() + ")");
            payments.show(new ReaderMessage.Refused(refusal));
            return;
        }
        Session session = new Session(hold);
        if (payments.beginOnlineSession(hold.held(), session)) {
            event("barcode held online: authorization " + hold.authorizationId() + ", " + hold.held());
        } else {
            event("barcode held but no session could begin (reader " + payments.cashlessState() + "): releasing");
            session.release();
        }
    }

    /** The barcode refusal (DESIGN §5.2) for the backend's error; another reason is the backend's, named in the reader's event. */
    private static ReaderRefusal refusalOf(BackendError error) {
        return switch (error) {
            case BACKEND_UNREACHABLE -> ReaderRefusal.READER_OFFLINE;
            case BARCODE_UNKNOWN -> ReaderRefusal.UNKNOWN_BARCODE;
            case BARCODE_EXPIRED -> ReaderRefusal.EXPIRED_BARCODE;
            case BARCODE_ALREADY_USED -> ReaderRefusal.BARCODE_ALREADY_USED;
            default -> ReaderRefusal.BACKEND_REFUSED;
        };
    }

    /** A session paid by a barcode hold: approve within the hold, capture what was vended, release the rest. */
    private final class Session implements OnlineSession {
        private final BarcodeAuthorization hold;
        private long approved;
        private int approvedItem;
        private boolean settled;

        Session(BarcodeAuthorization hold) {
            this.hold = hold;
        }

        @Override
        public synchronized VendDecision authorize(VendRequest request) {
            if (settled || approved > 0) return VendDecision.deny("barcode authorization " + hold.authorizationId() + " pays for one vend");
            if (request.priceMinorUnits() > hold.held()) return VendDecision.deny("price " + request.priceMinorUnits() + " over the hold of " + hold.held());
            approved = request.priceMinorUnits();
            approvedItem = request.item();
            event("vend of item " + request.item() + " for " + approved + " approved against authorization " + hold.authorizationId());
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
                    uplink.client().captureBarcode(hold.authorizationId(), charge, chargedItem);
                    event("captured " + charge + " for item " + chargedItem + " (authorization " + hold.authorizationId() + ")");
                } catch (BackendException e) {
                    // A real reader keeps the capture and retries at its next sync; the hold stays meanwhile.
                    event("capture failed: " + e.error() + ": " + e.getMessage());
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
                    uplink.client().releaseBarcode(hold.authorizationId());
                    event("released authorization " + hold.authorizationId());
                } catch (BackendException e) {
                    event("release failed: " + e.error() + ": " + e.getMessage());
                }
            });
        }
    }

    private void event(String what) {
        log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.BARCODE, what, null));
    }

    @Override
    public void close() {
        network.shutdown();
        try {
            network.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
