package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.CodeSymbol;
import java.awt.image.BufferedImage;

/**
 * What the phone shows (DESIGN §3: a capability, one class per backing): {@link SimulatedScreen}
 * keeps the pixels for a {@link SimulatedCamera}; {@link WindowScreen} shows them full-screen on a
 * real display that a real reader's camera looks at. A screen opens on {@link #open()}, never in
 * its constructor.
 */
public interface Screen extends AutoCloseable {

    Display display();

    void open();

    /** Shows a full-screen image; one of another size is scaled to fit, keeping its aspect, on black. */
    void show(BufferedImage content);

    /** Shows a payment code the way a wallet app does ({@link PaymentPage}). */
    default void showCode(CodeSymbol code) {
        show(PaymentPage.render(display(), code));
    }

    /** The screen goes dark. */
    void clear();

    /** Backlight level in (0, 1]; 1 is full brightness. */
    void brightness(double level);

    double brightness();

    @Override
    void close();
}
