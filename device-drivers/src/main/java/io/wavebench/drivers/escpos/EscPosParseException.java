package io.wavebench.drivers.escpos;

import java.util.HexFormat;

/**
 * A byte stream is not ESC/POS that {@link EscPosParser} understands. The message names the
 * source, the stream offset of the command and its bytes, so a trace can be matched byte for byte.
 */
public final class EscPosParseException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** A control byte or command that is not in the supported set. */
        UNKNOWN_COMMAND,
        /** A known command with a parameter outside its range. */
        BAD_PARAMETER,
        /** The stream ended in the middle of a command. */
        TRUNCATED
    }

    private final Kind kind;
    private final long offset;
    private final byte[] bytes;

    EscPosParseException(String source, Kind kind, long offset, byte[] bytes, String what) {
        super("ESC/POS from " + source + ": " + what + " at offset " + offset + " (bytes "
                + (bytes.length == 0 ? "none" : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes)) + ")");
        this.kind = kind;
        this.offset = offset;
        this.bytes = bytes.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** Where the offending command starts, counted from the first byte fed to the parser. */
    public long offset() {
        return offset;
    }

    /** The offending bytes (at most the first 16). */
    public byte[] bytes() {
        return bytes.clone();
    }
}
