package io.wavebench.drivers.mdb;

import static io.wavebench.drivers.mdb.MdbFields.*;

/**
 * A command from the VMC to a cashless device (MDB 4.2 §7.4, Level 1/2 formats). The first byte
 * of a block is the device address (upper five bits, 0x10 for cashless #1, 0x60 for #2) plus the
 * command (lower three bits); most commands carry a subcommand byte next. {@link #encode(int)}
 * gives the block's bytes without the checksum; {@link #decode(byte[])} reads them back and
 * ignores the address bits, so one codec serves both cashless addresses.
 */
public sealed interface CashlessCommand {

    /** Cashless device #1 (MDB 4.2 §7.1). */
    int CASHLESS_1 = 0x10;
    /** Cashless device #2 (MDB 4.2 §2.3). */
    int CASHLESS_2 = 0x60;

    int RESET = 0x00, SETUP = 0x01, POLL = 0x02, VEND = 0x03, READER = 0x04, EXPANSION = 0x07;

    /** The block's bytes for a device at {@code address}, checksum not included. */
    byte[] encode(int address);

    default byte[] encode() {
        return encode(CASHLESS_1);
    }

    /** MDB 4.2 §7.4.1: back to INACTIVE; the reader answers the next POLL with JUST RESET. */
    record Reset() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | RESET)}; }
        public String toString() { return "RESET"; }
    }

    /** MDB 4.2 §7.4.2 SETUP Config Data (11 00): the VMC's level and display. */
    record SetupConfig(int vmcFeatureLevel, int displayColumns, int displayRows, int displayInfo) implements CashlessCommand {
        public SetupConfig {
            requireU8("VMC feature level", vmcFeatureLevel);
            requireU8("display columns", displayColumns);
            requireU8("display rows", displayRows);
            requireU8("display info", displayInfo);
        }
        public byte[] encode(int address) {
            return new byte[] {(byte) (address | SETUP), 0x00, (byte) vmcFeatureLevel, (byte) displayColumns, (byte) displayRows, (byte) displayInfo};
        }
        public String toString() {
            return "SETUP CONFIG DATA level=" + vmcFeatureLevel + " columns=" + displayColumns + " rows=" + displayRows
                    + " display=0x" + Integer.toHexString(displayInfo);
        }
    }

    /** MDB 4.2 §7.4.3 SETUP Max/Min Prices (11 01), scaled; max 0xFFFF and min 0 mean unknown. */
    record SetupPrices(int maxPrice, int minPrice) implements CashlessCommand {
        public SetupPrices {
            requireU16("max price", maxPrice);
            requireU16("min price", minPrice);
        }
        public byte[] encode(int address) {
            byte[] b = {(byte) (address | SETUP), 0x01, 0, 0, 0, 0};
            putU16(b, 2, maxPrice);
            putU16(b, 4, minPrice);
            return b;
        }
        public String toString() { return "SETUP MAX/MIN PRICES max=" + maxPrice + " min=" + minPrice; }
    }

    /** MDB 4.2 §7.4.4: the reader answers with ACK or its next pending response. */
    record Poll() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | POLL)}; }
        public String toString() { return "POLL"; }
    }

    /** MDB 4.2 §7.4.5 VEND REQUEST (13 00): scaled price, item number (0xFFFF = undefined). */
    record VendRequest(int price, int item) implements CashlessCommand {
        public VendRequest {
            requireU16("price", price);
            requireU16("item", item);
        }
        public byte[] encode(int address) {
            byte[] b = {(byte) (address | VEND), 0x00, 0, 0, 0, 0};
            putU16(b, 2, price);
            putU16(b, 4, item);
            return b;
        }
        public String toString() { return "VEND REQUEST price=" + price + " item=" + item; }
    }

    /** MDB 4.2 §7.4.6 VEND CANCEL (13 01): only between REQUEST and APPROVED/DENIED. */
    record VendCancel() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | VEND), 0x01}; }
        public String toString() { return "VEND CANCEL"; }
    }

    /** MDB 4.2 §7.4.7 VEND SUCCESS (13 02): the item was dispensed. */
    record VendSuccess(int item) implements CashlessCommand {
        public VendSuccess {
            requireU16("item", item);
        }
        public byte[] encode(int address) {
            byte[] b = {(byte) (address | VEND), 0x02, 0, 0};
            putU16(b, 2, item);
            return b;
        }
        public String toString() { return "VEND SUCCESS item=" + item; }
    }

    /** MDB 4.2 §7.4.8 VEND FAILURE (13 03): dispensing failed after approval; refund expected. */
    record VendFailure() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | VEND), 0x03}; }
        public String toString() { return "VEND FAILURE"; }
    }

    /** MDB 4.2 §7.4.9 SESSION COMPLETE (13 04): the VMC ends the session; reader answers END SESSION. */
    record SessionComplete() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | VEND), 0x04}; }
        public String toString() { return "SESSION COMPLETE"; }
    }

    /** MDB 4.2 §7.4.10 CASH SALE (13 05): a sale paid in cash, for the reader's audit. */
    record CashSale(int price, int item) implements CashlessCommand {
        public CashSale {
            requireU16("price", price);
            requireU16("item", item);
        }
        public byte[] encode(int address) {
            byte[] b = {(byte) (address | VEND), 0x05, 0, 0, 0, 0};
            putU16(b, 2, price);
            putU16(b, 4, item);
            return b;
        }
        public String toString() { return "CASH SALE price=" + price + " item=" + item; }
    }

    /** MDB 4.2 §7.4.12 READER DISABLE (14 00). */
    record ReaderDisable() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | READER), 0x00}; }
        public String toString() { return "READER DISABLE"; }
    }

    /** MDB 4.2 §7.4.12 READER ENABLE (14 01). */
    record ReaderEnable() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | READER), 0x01}; }
        public String toString() { return "READER ENABLE"; }
    }

    /** MDB 4.2 §7.4.12 READER CANCEL (14 02): abort a pending session start; reader answers CANCELLED. */
    record ReaderCancel() implements CashlessCommand {
        public byte[] encode(int address) { return new byte[] {(byte) (address | READER), 0x02}; }
        public String toString() { return "READER CANCEL"; }
    }

    /**
     * MDB 4.2 §7.4.14 EXPANSION REQUEST ID (17 00): the VMC's manufacturer code (3 ASCII), serial
     * number (12 ASCII), model (12 ASCII) and software version (2 bytes BCD, kept as the raw u16).
     */
    record ExpansionRequestId(String manufacturer, String serialNumber, String model, int softwareVersion) implements CashlessCommand {
        public ExpansionRequestId {
            manufacturer = requireAscii("manufacturer code", manufacturer, 3);
            serialNumber = requireAscii("serial number", serialNumber, 12);
            model = requireAscii("model number", model, 12);
            requireU16("software version", softwareVersion);
        }
        public byte[] encode(int address) {
            byte[] b = new byte[31];
            b[0] = (byte) (address | EXPANSION);
            b[1] = 0x00;
            putAscii(b, 2, manufacturer, 3);
            putAscii(b, 5, serialNumber, 12);
            putAscii(b, 17, model, 12);
            putU16(b, 29, softwareVersion);
            return b;
        }
        public String toString() {
            return "EXPANSION REQUEST ID manufacturer=" + manufacturer + " serial=" + serialNumber + " model=" + model
                    + " version=" + String.format("%04X", softwareVersion);
        }
    }

    /**
     * The length of a command block without its checksum, as far as the first bytes tell it: a
     * peripheral needs this because MDB blocks carry no length field (MDB 4.2 §2.2).
     *
     * @return the length; 0 when the next byte (the subcommand) is needed to tell; -1 for a
     *     command this codec does not know (the caller then reads to the end of the burst)
     */
    static int blockLength(byte[] soFar, int count) {
        if (count < 1) return 0;
        int command = soFar[0] & 0x07;
        switch (command) {
            case RESET, POLL: return 1;
            case SETUP, VEND, READER, EXPANSION: break;
            default: return -1;
        }
        if (count < 2) return 0;
        int sub = soFar[1] & 0xFF;
        return switch (command) {
            case SETUP -> sub <= 0x01 ? 6 : -1;
            case VEND -> switch (sub) {
                case 0x00, 0x05 -> 6;
                case 0x02 -> 4;
                case 0x01, 0x03, 0x04 -> 2;
                default -> -1;
            };
            case READER -> sub <= 0x02 ? 2 : -1;
            case EXPANSION -> sub == 0x00 ? 31 : -1;
            default -> -1;
        };
    }

    /**
     * Reads a command block (checksum not included).
     *
     * @throws MdbDecodeException for an unknown command or subcommand, or a wrong length
     */
    static CashlessCommand decode(byte[] data) {
        if (data.length == 0) throw new MdbDecodeException("empty cashless command block", data);
        int expected = blockLength(data, data.length);
        int command = data[0] & 0x07;
        if (expected == 0) throw new MdbDecodeException("cashless command 0x" + Integer.toHexString(data[0] & 0xFF) + " is missing its subcommand", data);
        if (expected < 0) {
            throw new MdbDecodeException("unknown cashless command " + (data.length > 1 && command != RESET && command != POLL
                    ? String.format("%02X %02X", data[0] & 0xFF, data[1] & 0xFF) : String.format("%02X", data[0] & 0xFF)), data);
        }
        if (data.length != expected) {
            throw new MdbDecodeException("cashless command " + String.format("%02X", data[0] & 0xFF) + " must be " + expected
                    + " bytes without CHK, got " + data.length, data);
        }
        try {
            return decodeFields(data, command, data.length > 1 ? data[1] & 0xFF : -1);
        } catch (IllegalArgumentException e) { // a field the records refuse, e.g. non-ASCII in an ID
            throw new MdbDecodeException("cashless command " + String.format("%02X", data[0] & 0xFF) + ": " + e.getMessage(), data);
        }
    }

    private static CashlessCommand decodeFields(byte[] data, int command, int sub) {
        return switch (command) {
            case RESET -> new Reset();
            case POLL -> new Poll();
            case SETUP -> sub == 0x00
                    ? new SetupConfig(u8(data, 2), u8(data, 3), u8(data, 4), u8(data, 5))
                    : new SetupPrices(u16(data, 2), u16(data, 4));
            case VEND -> switch (sub) {
                case 0x00 -> new VendRequest(u16(data, 2), u16(data, 4));
                case 0x01 -> new VendCancel();
                case 0x02 -> new VendSuccess(u16(data, 2));
                case 0x03 -> new VendFailure();
                case 0x04 -> new SessionComplete();
                default -> new CashSale(u16(data, 2), u16(data, 4));
            };
            case READER -> switch (sub) {
                case 0x00 -> new ReaderDisable();
                case 0x01 -> new ReaderEnable();
                default -> new ReaderCancel();
            };
            default -> new ExpansionRequestId(ascii(data, 2, 3), ascii(data, 5, 12), ascii(data, 17, 12), u16(data, 29));
        };
    }

}
