package io.wavebench.drivers.escpos;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Character code tables of ESC t n (Epson page numbers) that a Java charset maps byte for byte,
 * with that charset. Printers do not speak UTF-8: text is encoded in the selected table.
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
    PC858(19, "IBM00858"),
    PC857(13, "IBM857"),
    PC737(14, "x-IBM737"),
    ISO8859_7(15, "ISO-8859-7"),
    PC855(34, "IBM855"),
    PC861(35, "IBM861"),
    PC862(36, "IBM862"),
    PC864(37, "IBM864"),
    PC869(38, "IBM869"),
    ISO8859_2(39, "ISO-8859-2"),
    ISO8859_15(40, "ISO-8859-15"),
    WPC1250(45, "windows-1250"),
    WPC1251(46, "windows-1251"),
    WPC1253(47, "windows-1253"),
    WPC1254(48, "windows-1254"),
    WPC1255(49, "windows-1255"),
    WPC1256(50, "windows-1256"),
    WPC1257(51, "windows-1257"),
    WPC1258(52, "windows-1258");

    /**
     * ESC t pages Epson printers have that no Java charset maps (Katakana, Hiragana, Kanji,
     * PC851, PC853, Thai, TCVN-3, PC720, WPC775, PC1098, PC1118, PC1119, PC1125, KZ-1048, user
     * pages): a printer takes them, so the parser skips them and reports them rather than refusing.
     */
    private static final java.util.Set<Integer> EPSON_WITHOUT_CHARSET =
            java.util.Set.of(1, 6, 7, 8, 11, 12, 20, 21, 26, 30, 31, 32, 33, 41, 42, 43, 44, 53, 254, 255);

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

    /**
     * The text {@code bytes} print as. Epson's PC857 has the euro sign at 0xD5 (IBM's later
     * revision of the page, CCSID 9049), where Java's IBM857 has nothing: it is put right here.
     */
    public String decode(byte[] bytes) {
        String text = new String(bytes, charset());
        if (this != PC857) return text;
        char[] chars = text.toCharArray(); // a single-byte page: one char per byte
        for (int i = 0; i < bytes.length && i < chars.length; i++) if ((bytes[i] & 0xFF) == 0xD5) chars[i] = '\u20ac';
        return new String(chars);
    }

    /** True for an ESC t n that Epson printers have but this enum has no charset for. */
    public static boolean epsonPageWithoutCharset(int n) {
        return EPSON_WITHOUT_CHARSET.contains(n);
    }

    public static Optional<CodePage> byNumber(int n) {
        for (CodePage page : values()) if (page.number == n) return Optional.of(page);
        return Optional.empty();
    }
}
