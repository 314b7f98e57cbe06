package io.wavebench.drivers.escpos;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Character code tables of ESC t n (Epson page numbers) that a ticket needs, with the Java charset
 * that maps the same bytes. Printers do not speak UTF-8: text is encoded in the selected table.
 */
public enum CodePage {
    PC437(0, "IBM437"),
    PC850(2, "IBM850"),
    PC860(3, "IBM860"),
    PC863(4, "IBM863"),
    PC865(5, "IBM865"),
    WPC1252(16, "windows-1252"),
    PC866(17, "IBM866"),
    PC852(18, "IBM852"),
    PC858(19, "IBM00858");

    private final int number;
    private final String charsetName;

    CodePage(int number, String charsetName) {
        this.number = number;
        this.charsetName = charsetName;
    }

    /** The n of ESC t n. */
    public int number() {
        return number;
    }

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    public static Optional<CodePage> byNumber(int n) {
        for (CodePage page : values()) if (page.number == n) return Optional.of(page);
        return Optional.empty();
    }
}
