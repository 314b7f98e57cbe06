package io.wavebench.drivers.escpos;

/**
 * The lengths of the Epson ESC/POS commands wavebench's printer does not act on, so the parser
 * can skip each one whole: its parameters and data never become text or control bytes. Lengths
 * and layouts are those of Epson's ESC/POS Command Reference (each command under its own name
 * below); a variable-length command's length is read from its own parameters (pL pH, nL nH,
 * x y, a NUL terminator), as a printer reads them.
 */
final class SkippedCommands {

    /** Longest skipped command the parser will buffer; a longer one is refused (bounded memory). */
    static final long MAX_LENGTH = 1 << 20;

    /** The bytes at the parser's head. */
    interface Bytes {
        int available();

        /** The byte at {@code i} from the head, 0..255; only for i < available(). */
        int at(int i);
    }

    /**
     * A command found: its kind and its whole length, or {@link #MORE} when the bytes so far end
     * before the length is known or before the command is complete.
     */
    record Skip(String name, long length) {
        static final Skip MORE = new Skip("", -1);

        boolean complete(Bytes b) {
            return length >= 0 && b.available() >= length;
        }
    }

    private SkippedCommands() {
    }

    /** ESC x ...: the command at the head (ESC at 0), MORE, or null when ESC x is not an Epson command. */
    static Skip esc(Bytes b) {
        if (b.available() < 2) return Skip.MORE;
        int c = b.at(1);
        return switch (c) {
            case 0x0C -> fixed("ESC FF (print data in page mode)", 2);
            case ' ' -> fixed("ESC SP (right-side character spacing)", 3);
            case '$' -> fixed("ESC $ (absolute print position)", 4);
            case '%' -> fixed("ESC % (select user-defined character set)", 3);
            case '&' -> userDefinedCharacters(b);
            case '*' -> bitImage(b);
            case '(' -> withPlPh(b, "ESC ( " + letter(b, 2), 2);
            case '<' -> fixed("ESC < (return home)", 2);
            case '=' -> fixed("ESC = (select peripheral device)", 3);
            case '?' -> fixed("ESC ? (cancel user-defined characters)", 3);
            case 'D' -> nulTerminated(b, "ESC D (set horizontal tab positions)", 2, 33);
            case 'L' -> fixed("ESC L (select page mode)", 2);
            case 'S' -> fixed("ESC S (select standard mode)", 2);
            case 'T' -> fixed("ESC T (select print direction in page mode)", 3);
            case 'U' -> fixed("ESC U (unidirectional printing)", 3);
            case 'W' -> fixed("ESC W (set print area in page mode)", 10);
            case '\\' -> fixed("ESC \\ (relative print position)", 4);
            case 'c' -> fixed("ESC c " + letter(b, 2) + " (paper sensors / panel buttons)", 4);
            case 'e' -> fixed("ESC e (print and reverse feed n lines)", 3);
            case 'f' -> fixed("ESC f (cut sheet wait time)", 4);
            case 'i' -> fixed("ESC i (partial cut, one point left)", 2);
            case 'm' -> fixed("ESC m (partial cut, three points left)", 2);
            case 'p' -> fixed("ESC p (generate pulse)", 5);
            case 'r' -> fixed("ESC r (select print color)", 3);
            case 'u' -> fixed("ESC u (transmit peripheral device status)", 3);
            case 'v' -> fixed("ESC v (transmit paper sensor status)", 2);
            default -> null;
        };
    }

    /** GS x ...: as {@link #esc}. */
    static Skip gs(Bytes b) {
        if (b.available() < 2) return Skip.MORE;
        int c = b.at(1);
        return switch (c) {
            case '(' -> withPlPh(b, "GS ( " + letter(b, 2), 2);
            case '8' -> graphicsLong(b);
            case '*' -> definedBitImage(b);
            case '/' -> fixed("GS / (print downloaded bit image)", 3);
            case ':' -> fixed("GS : (start/end macro definition)", 2);
            case '$' -> fixed("GS $ (absolute vertical position in page mode)", 4);
            case '\\' -> fixed("GS \\ (relative vertical position in page mode)", 4);
            case '^' -> fixed("GS ^ (execute macro)", 5);
            case 'C' -> counter(b);
            case 'E' -> fixed("GS E (select print speed / head control)", 3);
            case 'I' -> fixed("GS I (transmit printer ID)", 3);
            case 'P' -> fixed("GS P (set horizontal and vertical motion units)", 4);
            case 'Q' -> variableBitImage(b);
            case 'T' -> fixed("GS T (set print position to the beginning of the line)", 3);
            case 'a' -> fixed("GS a (enable/disable automatic status back)", 3);
            case 'b' -> fixed("GS b (turn smoothing mode on/off)", 3);
            case 'c' -> fixed("GS c (print counter)", 2);
            case 'g' -> fixed("GS g " + letter(b, 2) + " (maintenance counter)", 6);
            case 'j' -> fixed("GS j (enable/disable automatic ink status back)", 3);
            case 'z' -> fixed("GS z 0 (set online recovery wait time)", 5);
            default -> null;
        };
    }

    /** FS x ... (FS & and FS . are modelled, not skipped): as {@link #esc}. */
    static Skip fs(Bytes b) {
        if (b.available() < 2) return Skip.MORE;
        int c = b.at(1);
        return switch (c) {
            case '!' -> fixed("FS ! (select print mode(s) for Kanji characters)", 3);
            case '-' -> fixed("FS - (Kanji underline)", 3);
            case '2' -> fixed("FS 2 (define user-defined Kanji characters)", 4 + 72); // FS 2 c1 c2, then 72 bytes of dots
            case '?' -> fixed("FS ? (cancel user-defined Kanji characters)", 4);
            case 'C' -> fixed("FS C (select Kanji character code system)", 3);
            case 'S' -> fixed("FS S (set Kanji character spacing)", 4);
            case 'W' -> fixed("FS W (quadruple-size Kanji)", 3);
            case 'p' -> fixed("FS p (print NV bit image)", 4);
            case 'q' -> nvBitImages(b);
            case '(' -> withPlPh(b, "FS ( " + letter(b, 2), 2);
            case 'g' -> userNvMemory(b);
            default -> null;
        };
    }

    /** DLE x ... other than DLE EOT: as {@link #esc}. */
    static Skip dle(Bytes b) {
        if (b.available() < 2) return Skip.MORE;
        return switch (b.at(1)) {
            case 0x05 -> fixed("DLE ENQ (send real-time request to printer)", 3);
            case 0x14 -> {
                if (b.available() < 3) yield Skip.MORE;
                yield switch (b.at(2)) {
                    case 1, 2, 3 -> fixed("DLE DC4 " + b.at(2) + " (real-time pulse / power-off / buzzer)", 5);
                    case 7 -> fixed("DLE DC4 7 (transmit specified status in real time)", 4);
                    case 8 -> fixed("DLE DC4 8 (clear buffers)", 10);
                    default -> null;
                };
            }
            default -> null;
        };
    }

    // ---- layouts ----------------------------------------------------------------------------------

    private static Skip fixed(String name, int length) {
        return new Skip(name, length);
    }

    /** The "GS ( x pL pH" family (and ESC ( / FS ( alike): pL pH counts the bytes after them. */
    private static Skip withPlPh(Bytes b, String name, int at) {
        if (b.available() < at + 3) return Skip.MORE;
        return new Skip(name, at + 3 + (b.at(at + 1) | b.at(at + 2) << 8));
    }

    /** GS 8 L p1 p2 p3 p4 m fn ... (graphics, 4-byte length) */
    private static Skip graphicsLong(Bytes b) {
        if (b.available() < 7) return Skip.MORE;
        long p = b.at(3) | (long) b.at(4) << 8 | (long) b.at(5) << 16 | (long) b.at(6) << 24;
        return new Skip("GS 8 " + letter(b, 2) + " (graphics, long form)", 7 + p);
    }

    /** ESC * m nL nH d: 8-dot modes (m 0, 1) take one byte a column, 24-dot modes (32, 33) three. */
    private static Skip bitImage(Bytes b) {
        if (b.available() < 5) return Skip.MORE;
        int m = b.at(2);
        int columns = b.at(3) | b.at(4) << 8;
        int perColumn = m == 0 || m == 1 ? 1 : m == 32 || m == 33 ? 3 : -1;
        if (perColumn < 0) return null;
        return new Skip("ESC * (select bit-image mode)", 5 + (long) columns * perColumn);
    }

    /** ESC & y c1 c2 [x d1..d(y*x)] for each character c1..c2. */
    private static Skip userDefinedCharacters(Bytes b) {
        if (b.available() < 5) return Skip.MORE;
        int y = b.at(2), c1 = b.at(3), c2 = b.at(4);
        if (c2 < c1) return null;
        long at = 5;
        for (int c = c1; c <= c2; c++) {
            if (b.available() <= at) return Skip.MORE;
            at += 1 + (long) y * b.at((int) at);
        }
        return new Skip("ESC & (define user-defined characters)", at);
    }

    /** GS * x y d1..d(x*y*8): a downloaded bit image. */
    private static Skip definedBitImage(Bytes b) {
        if (b.available() < 4) return Skip.MORE;
        return new Skip("GS * (define downloaded bit image)", 4 + (long) b.at(2) * b.at(3) * 8);
    }

    /** GS Q 0 m xL xH yL yH d: a variable vertical size bit image, x columns of y bytes. */
    private static Skip variableBitImage(Bytes b) {
        if (b.available() < 8) return Skip.MORE;
        long x = b.at(4) | b.at(5) << 8, y = b.at(6) | b.at(7) << 8;
        return new Skip("GS Q 0 (print variable vertical size bit image)", 8 + x * y);
    }

    /** GS C 0 n m, GS C 1 aL aH bL bH n r, GS C 2 nL nH, GS C ; ... ; (obsolete counter commands). */
    private static Skip counter(Bytes b) {
        if (b.available() < 3) return Skip.MORE;
        return switch (b.at(2)) {
            case '0' -> fixed("GS C 0 (counter print mode)", 5);
            case '1' -> fixed("GS C 1 (counter mode A)", 9);
            case '2' -> fixed("GS C 2 (set counter)", 5);
            default -> null;
        };
    }

    /** FS q n [xL xH yL yH d1..d(x*y*8)] x n: define NV bit images. */
    private static Skip nvBitImages(Bytes b) {
        if (b.available() < 3) return Skip.MORE;
        long at = 3;
        for (int i = 0; i < b.at(2); i++) {
            if (b.available() < at + 4) return Skip.MORE;
            long x = b.at((int) at) | b.at((int) at + 1) << 8, y = b.at((int) at + 2) | b.at((int) at + 3) << 8;
            at += 4 + x * y * 8;
            if (at > MAX_LENGTH) return new Skip("FS q (define NV bit image)", at);
        }
        return new Skip("FS q (define NV bit image)", at);
    }

    /** FS g 1 m a1 a2 a3 a4 nL nH d1..dk (write) or FS g 2 m a1 a2 a3 a4 nL nH (read): user NV memory. */
    private static Skip userNvMemory(Bytes b) {
        if (b.available() < 3) return Skip.MORE;
        int fn = b.at(2);
        if (fn != '1' && fn != '2') return null;
        if (b.available() < 10) return Skip.MORE;
        int n = b.at(8) | b.at(9) << 8;
        return new Skip("FS g " + (char) fn + " (user NV memory)", fn == '1' ? 10 + n : 10);
    }

    /** A NUL-terminated list of at most {@code max} bytes after {@code at}. */
    private static Skip nulTerminated(Bytes b, String name, int at, int max) {
        for (int i = at; i < at + max; i++) {
            if (i >= b.available()) return Skip.MORE;
            if (b.at(i) == 0) return new Skip(name, i + 1);
        }
        return new Skip(name, at + max); // Epson: at most 32 positions; the rest is ignored
    }

    private static String letter(Bytes b, int i) {
        if (b.available() <= i) return "?";
        int c = b.at(i);
        return c >= 0x21 && c < 0x7F ? String.valueOf((char) c) : String.format("0x%02X", c);
    }
}
