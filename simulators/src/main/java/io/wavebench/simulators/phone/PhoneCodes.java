package io.wavebench.simulators.phone;

import io.wavebench.drivers.codes.Code128Codes;
import io.wavebench.drivers.codes.CodeSymbol;
import io.wavebench.drivers.codes.QrCodes;
import io.wavebench.drivers.optical.Screen;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.api.BarcodeKey;
import io.wavebench.simulators.token.PaymentBarcode;
import io.wavebench.simulators.token.PaymentToken;
import java.time.Clock;
import java.util.Objects;

/**
 * The phone's wallet app as far as its screen goes (DESIGN §5.2, §5.5): it shows the offline
 * token as a QR code (version ≥ 2), a 60-second payment barcode made from the key the backend
 * gave it while online, or a ticket code. It draws on a {@link Screen}, so the same app shows its
 * codes on a simulated screen or in a real window a reader's camera looks at.
 */
public final class PhoneCodes {

    private final Wallet wallet;
    private final Screen screen;
    private final Clock clock;
    private BarcodeKey barcodeKey;
    private CodeSymbol showing;

    public PhoneCodes(Wallet wallet, Screen screen, Clock clock) {
        this.wallet = Objects.requireNonNull(wallet);
        this.screen = Objects.requireNonNull(screen);
        this.clock = Objects.requireNonNull(clock);
    }

    public Screen screen() {
        return screen;
    }

    /** Online: fetches the key barcodes are made from. */
    public synchronized BarcodeKey enrollBarcodes(BackendClient backend, long accountId) {
        barcodeKey = backend.enrollBarcode(accountId);
        return barcodeKey;
    }

    /** A fresh offline token, as a QR code. Works with no network. */
    public synchronized PaymentToken showPaymentQr() {
        PaymentToken token = wallet.nextToken(clock);
        show(QrCodes.encode(token.encode()));
        return token;
    }

    /** This minute's payment barcode; returns its digits. */
    public synchronized String showPaymentBarcode() {
        String code = paymentCode();
        show(Code128Codes.encode(code));
        return code;
    }

    /**
     * This minute's one-time payment code (DESIGN §5.2: 18 digits, prefix 28, 60 s, single use),
     * shown on no screen: what a phone sounds in a protocol that carries payment codes.
     */
    public synchronized String paymentCode() {
        if (barcodeKey == null) throw new IllegalStateException("the phone has no barcode key: it must enroll while online first");
        return PaymentBarcode.code(barcodeKey.slot(), barcodeKey.secret(), clock.instant());
    }

    /** A ticket bought online, as a QR code. */
    public synchronized void showTicket(byte[] ticketCode) {
        show(QrCodes.encode(ticketCode));
    }

    public synchronized void clear() {
        showing = null;
        screen.clear();
    }

    /** What the screen shows, or null. */
    public synchronized CodeSymbol showing() {
        return showing;
    }

    private void show(CodeSymbol symbol) {
        showing = symbol;
        screen.showCode(symbol);
    }
}
