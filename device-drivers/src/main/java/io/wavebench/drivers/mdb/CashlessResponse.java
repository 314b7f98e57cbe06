package io.wavebench.drivers.mdb;

import static io.wavebench.drivers.mdb.MdbFields.*;

import java.util.ArrayList;
import java.util.List;

/**
 * A response from a cashless device to the VMC (MDB 4.2 §7.4, Level 1 formats). The first byte
 * is the response code. A reply block may carry several responses back to back under one
 * checksum (MDB 4.2 §7.3.1), so each response has a fixed length; {@link #decodeAll(byte[])}
 * splits them. {@link #encode()} gives the response's bytes, checksum not included.
 */
public sealed interface CashlessResponse {

    int JUST_RESET = 0x00, READER_CONFIG = 0x01, DISPLAY_REQUEST = 0x02, BEGIN_SESSION = 0x03, SESSION_CANCEL_REQUEST = 0x04,
            VEND_APPROVED = 0x05, VEND_DENIED = 0x06, END_SESSION = 0x07, CANCELLED = 0x08, PERIPHERAL_ID = 0x09,
            MALFUNCTION = 0x0A, OUT_OF_SEQUENCE = 0x0B;

    byte[] encode();

    /** MDB 4.2 §7.4.4: the reader was reset (by RESET or on its own); note 00 00* differs from ACK 00*. */
    record JustReset() implements CashlessResponse {
        public byte[] encode() { return new byte[] {JUST_RESET}; }
        public String toString() { return "JUST RESET"; }
    }

    /**
     * MDB 4.2 §7.4.2 READER CONFIG DATA: feature level, country/currency code (BCD, leading 1 =
     * ISO 4217, e.g. 0x1156 CNY), scale factor and decimal places for money on the bus, the
     * application's maximum response time in seconds, and misc option bits (b0 refunds, b1
     * multivend, b2 display, b3 cash sale).
     */
    record ReaderConfig(int featureLevel, int currencyCode, int scaleFactor, int decimalPlaces,
                        int maxResponseTimeSeconds, int miscOptions) implements CashlessResponse {
        public ReaderConfig {
            requireU8("feature level", featureLevel);
            requireU16("currency code", currencyCode);
            requireU8("scale factor", scaleFactor);
            requireU8("decimal places", decimalPlaces);
            requireU8("max response time", maxResponseTimeSeconds);
            requireU8("misc options", miscOptions);
        }
        /** How this reader writes money on the bus. */
        public MdbMoney money() { return new MdbMoney(Math.max(1, scaleFactor), decimalPlaces); }
        public byte[] encode() {
            byte[] b = {READER_CONFIG, (byte) featureLevel, 0, 0, (byte) scaleFactor, (byte) decimalPlaces,
                (byte) maxResponseTimeSeconds, (byte) miscOptions};
            putU16(b, 2, currencyCode);
            return b;
        }
        public String toString() {
            return "READER CONFIG DATA level=" + featureLevel + " currency=" + String.format("%04X", currencyCode)
                    + " scale=" + scaleFactor + " decimals=" + decimalPlaces + " maxResponse=" + maxResponseTimeSeconds
                    + "s options=0x" + String.format("%02X", miscOptions);
        }
    }

    /**
     * MDB 4.2 §7.4.4 DISPLAY REQUEST: the reader asks the VMC to show 32 characters (a 2 x 16
     * display, as the VMC's SETUP said) for a time in tenths of a second. How a reader tells a
     * shopper — and a scenario — why it refused a payment.
     */
    record DisplayRequest(int tenthsOfSecond, String text) implements CashlessResponse {
        public static final int CHARS = 32;
        public DisplayRequest {
            requireU8("display time", tenthsOfSecond);
            if (text.length() > CHARS) throw new IllegalArgumentException("display text over " + CHARS + " characters: '" + text + "'");
            text = requireAscii("display text", text, CHARS).stripTrailing();
        }
        public byte[] encode() {
            byte[] b = new byte[2 + CHARS];
            b[0] = DISPLAY_REQUEST;
            b[1] = (byte) tenthsOfSecond;
            putAscii(b, 2, text, CHARS);
            return b;
        }
        public String toString() { return "DISPLAY REQUEST " + tenthsOfSecond / 10.0 + "s '" + text + "'"; }
    }

    /** MDB 4.2 §7.4.4 BEGIN SESSION (Level 1): funds available, scaled; 0xFFFF = unknown. */
    record BeginSession(int funds) implements CashlessResponse {
        public BeginSession {
            requireU16("funds", funds);
        }
        public byte[] encode() {
            byte[] b = {BEGIN_SESSION, 0, 0};
            putU16(b, 1, funds);
            return b;
        }
        public String toString() { return "BEGIN SESSION funds=" + (funds == MdbMoney.UNKNOWN ? "unknown" : Integer.toString(funds)); }
    }

    /** MDB 4.2 §7.4.4: the reader asks the VMC to end the session (VMC answers SESSION COMPLETE). */
    record SessionCancelRequest() implements CashlessResponse {
        public byte[] encode() { return new byte[] {SESSION_CANCEL_REQUEST}; }
        public String toString() { return "SESSION CANCEL REQUEST"; }
    }

    /** MDB 4.2 §7.4.4 VEND APPROVED: the amount actually deducted, scaled. */
    record VendApproved(int amount) implements CashlessResponse {
        public VendApproved {
            requireU16("amount", amount);
        }
        public byte[] encode() {
            byte[] b = {VEND_APPROVED, 0, 0};
            putU16(b, 1, amount);
            return b;
        }
        public String toString() { return "VEND APPROVED amount=" + amount; }
    }

    record VendDenied() implements CashlessResponse {
        public byte[] encode() { return new byte[] {VEND_DENIED}; }
        public String toString() { return "VEND DENIED"; }
    }

    record EndSession() implements CashlessResponse {
        public byte[] encode() { return new byte[] {END_SESSION}; }
        public String toString() { return "END SESSION"; }
    }

    record Cancelled() implements CashlessResponse {
        public byte[] encode() { return new byte[] {CANCELLED}; }
        public String toString() { return "CANCELLED"; }
    }

    /** MDB 4.2 §7.4.14 PERIPHERAL ID (Level 1/2, 30 bytes): manufacturer, serial, model, software version (BCD). */
    record PeripheralId(String manufacturer, String serialNumber, String model, int softwareVersion) implements CashlessResponse {
        public PeripheralId {
            manufacturer = requireAscii("manufacturer code", manufacturer, 3);
            serialNumber = requireAscii("serial number", serialNumber, 12);
            model = requireAscii("model number", model, 12);
            requireU16("software version", softwareVersion);
        }
        public byte[] encode() {
            byte[] b = new byte[30];
            b[0] = PERIPHERAL_ID;
            putAscii(b, 1, manufacturer, 3);
            putAscii(b, 4, serialNumber, 12);
            putAscii(b, 16, model, 12);
            putU16(b, 28, softwareVersion);
            return b;
        }
        public String toString() {
            return "PERIPHERAL ID manufacturer=" + manufacturer + " serial=" + serialNumber + " model=" + model
                    + " version=" + String.format("%04X", softwareVersion);
        }
    }

    /** MDB 4.2 §7.4.4 MALFUNCTION/ERROR: the code's high nibble is the class (0xC_ = refund error, credit lost). */
    record Malfunction(int code) implements CashlessResponse {
        public Malfunction {
            requireU8("error code", code);
        }
        public byte[] encode() { return new byte[] {MALFUNCTION, (byte) code}; }
        public String toString() { return "MALFUNCTION/ERROR code=0x" + String.format("%02X", code); }
    }

    /** MDB 4.2 §7.3: a command came in a state that does not allow it; the VMC should RESET the reader. */
    record CommandOutOfSequence() implements CashlessResponse {
        public byte[] encode() { return new byte[] {OUT_OF_SEQUENCE}; }
        public String toString() { return "COMMAND OUT OF SEQUENCE"; }
    }

    /** Fixed Level 1 length of the response starting with {@code code}, or -1 if unknown. */
    static int length(int code) {
        return switch (code) {
            case JUST_RESET, SESSION_CANCEL_REQUEST, VEND_DENIED, END_SESSION, CANCELLED, OUT_OF_SEQUENCE -> 1;
            case MALFUNCTION -> 2;
            case BEGIN_SESSION, VEND_APPROVED -> 3;
            case READER_CONFIG -> 8;
            case DISPLAY_REQUEST -> 2 + DisplayRequest.CHARS;
            case PERIPHERAL_ID -> 30;
            default -> -1;
        };
    }

    /**
     * Reads every response in a reply block (checksum not included).
     *
     * @throws MdbDecodeException for an unknown code, a response cut short, or an empty block
     */
    static List<CashlessResponse> decodeAll(byte[] data) {
        if (data.length == 0) throw new MdbDecodeException("empty cashless reply block", data);
        List<CashlessResponse> out = new ArrayList<>(2);
        int at = 0;
        while (at < data.length) {
            int code = data[at] & 0xFF;
            int len = length(code);
            if (len < 0) throw new MdbDecodeException("unknown cashless response code " + String.format("%02X", code) + " at byte " + at, data);
            if (at + len > data.length) {
                throw new MdbDecodeException("cashless response " + String.format("%02X", code) + " needs " + len + " bytes, only "
                        + (data.length - at) + " left", data);
            }
            out.add(decodeOne(data, at, code));
            at += len;
        }
        return List.copyOf(out);
    }

    /**
     * Reads a block that must hold exactly one response.
     *
     * @throws MdbDecodeException when it holds none, several, or bytes that are not a response
     */
    static CashlessResponse decode(byte[] data) {
        List<CashlessResponse> all = decodeAll(data);
        if (all.size() != 1) throw new MdbDecodeException("expected one cashless response, found " + all.size() + ": " + all, data);
        return all.get(0);
    }

    private static CashlessResponse decodeOne(byte[] d, int at, int code) {
        try {
            return switch (code) {
                case JUST_RESET -> new JustReset();
                case READER_CONFIG -> new ReaderConfig(u8(d, at + 1), u16(d, at + 2), u8(d, at + 4), u8(d, at + 5), u8(d, at + 6), u8(d, at + 7));
                case DISPLAY_REQUEST -> new DisplayRequest(u8(d, at + 1), ascii(d, at + 2, DisplayRequest.CHARS));
                case BEGIN_SESSION -> new BeginSession(u16(d, at + 1));
                case SESSION_CANCEL_REQUEST -> new SessionCancelRequest();
                case VEND_APPROVED -> new VendApproved(u16(d, at + 1));
                case VEND_DENIED -> new VendDenied();
                case END_SESSION -> new EndSession();
                case CANCELLED -> new Cancelled();
                case PERIPHERAL_ID -> new PeripheralId(ascii(d, at + 1, 3), ascii(d, at + 4, 12), ascii(d, at + 16, 12), u16(d, at + 28));
                case MALFUNCTION -> new Malfunction(u8(d, at + 1));
                default -> new CommandOutOfSequence();
            };
        } catch (IllegalArgumentException e) { // a field the records refuse, e.g. non-ASCII in an ID
            throw new MdbDecodeException("cashless response " + String.format("%02X", code) + ": " + e.getMessage(), d);
        }
    }
}
