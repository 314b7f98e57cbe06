package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CashlessCodecTest {

    static Stream<CashlessCommand> commands() {
        return Stream.of(
                new CashlessCommand.Reset(),
                new CashlessCommand.SetupConfig(1, 16, 2, 1),
                new CashlessCommand.SetupPrices(0xFFFF, 0),
                new CashlessCommand.Poll(),
                new CashlessCommand.VendRequest(150, 12),
                new CashlessCommand.VendCancel(),
                new CashlessCommand.VendSuccess(12),
                new CashlessCommand.VendFailure(),
                new CashlessCommand.SessionComplete(),
                new CashlessCommand.CashSale(200, 3),
                new CashlessCommand.ReaderDisable(),
                new CashlessCommand.ReaderEnable(),
                new CashlessCommand.ReaderCancel(),
                new CashlessCommand.ExpansionRequestId("WVB", "000000000042", "SIM-VMC", 0x0102));
    }

    static Stream<CashlessResponse> responses() {
        return Stream.of(
                new CashlessResponse.JustReset(),
                new CashlessResponse.ReaderConfig(1, 0x1156, 1, 2, 5, 0x01),
                new CashlessResponse.BeginSession(500),
                new CashlessResponse.SessionCancelRequest(),
                new CashlessResponse.VendApproved(150),
                new CashlessResponse.VendDenied(),
                new CashlessResponse.EndSession(),
                new CashlessResponse.Cancelled(),
                new CashlessResponse.PeripheralId("WVB", "123456789012", "ACOUSTIC-1", 0x0100),
                new CashlessResponse.Malfunction(0xC0),
                new CashlessResponse.DisplayRequest(30, "DECLINED 09 REPLAY"),
                new CashlessResponse.CommandOutOfSequence());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void every_command_survives_encode_and_decode(CashlessCommand command) {
        byte[] bytes = command.encode();
        assertEquals(CashlessCommand.blockLength(bytes, bytes.length), bytes.length, "length table agrees with " + command);
        assertEquals(command, CashlessCommand.decode(bytes));
        assertTrue(bytes.length + 1 <= MdbBlock.MAX_LENGTH);
    }

    @ParameterizedTest
    @MethodSource("responses")
    void every_response_survives_encode_and_decode(CashlessResponse response) {
        assertEquals(response, CashlessResponse.decode(response.encode()));
    }

    @Test
    void cashless_2_uses_its_own_address_and_decodes_the_same() {
        byte[] bytes = new CashlessCommand.Poll().encode(CashlessCommand.CASHLESS_2);
        assertEquals(0x62, bytes[0] & 0xFF);
        assertEquals(new CashlessCommand.Poll(), CashlessCommand.decode(bytes));
    }

    @Test
    void wire_bytes_follow_the_spec() {
        assertArrayEquals(new byte[] {0x13, 0x00, 0x00, (byte) 0x96, 0x00, 0x0C}, new CashlessCommand.VendRequest(150, 12).encode());
        assertArrayEquals(new byte[] {0x05, 0x00, (byte) 0x96}, new CashlessResponse.VendApproved(150).encode());
        assertArrayEquals(new byte[] {0x01, 0x01, 0x11, 0x56, 0x01, 0x02, 0x05, 0x00},
                new CashlessResponse.ReaderConfig(1, 0x1156, 1, 2, 5, 0).encode());
    }

    @Test
    void to_string_reads_like_the_spec() {
        assertEquals("VEND REQUEST price=150 item=12", new CashlessCommand.VendRequest(150, 12).toString());
        assertEquals("BEGIN SESSION funds=500", new CashlessResponse.BeginSession(500).toString());
        assertEquals("COMMAND OUT OF SEQUENCE", new CashlessResponse.CommandOutOfSequence().toString());
    }

    @Test
    void a_reply_may_carry_several_responses() {
        byte[] both = {0x06, 0x0A, 0x07, 0x04}; // MDB 4.2 §7.3.1 example: VEND DENIED + MALFUNCTION(07) + SESSION CANCEL REQUEST
        assertEquals(List.of(new CashlessResponse.VendDenied(), new CashlessResponse.Malfunction(7), new CashlessResponse.SessionCancelRequest()),
                CashlessResponse.decodeAll(both));
    }

    @Test
    void bad_bytes_are_decode_errors_never_other_crashes() {
        assertThrows(MdbDecodeException.class, () -> CashlessCommand.decode(new byte[0]));
        assertThrows(MdbDecodeException.class, () -> CashlessCommand.decode(new byte[] {0x13}));
        assertThrows(MdbDecodeException.class, () -> CashlessCommand.decode(new byte[] {0x13, 0x00, 0x01}));
        assertThrows(MdbDecodeException.class, () -> CashlessCommand.decode(new byte[] {0x12, 0x00}));
        assertThrows(MdbDecodeException.class, () -> CashlessCommand.decode(new byte[] {0x13, 0x09}));
        assertThrows(MdbDecodeException.class, () -> CashlessCommand.decode(new byte[] {0x15, 0x00}));
        byte[] id = new CashlessCommand.ExpansionRequestId("WVB", "1", "M", 1).encode();
        id[3] = 0x01; // not printable ASCII
        assertThrows(MdbDecodeException.class, () -> CashlessCommand.decode(id));
        assertThrows(MdbDecodeException.class, () -> CashlessResponse.decode(new byte[0]));
        assertThrows(MdbDecodeException.class, () -> CashlessResponse.decode(new byte[] {0x05, 0x00}));
        assertThrows(MdbDecodeException.class, () -> CashlessResponse.decode(new byte[] {0x07, 0x07}));
        MdbDecodeException e = assertThrows(MdbDecodeException.class, () -> CashlessResponse.decode(new byte[] {0x42}));
        assertTrue(e.getMessage().contains("42"), e.getMessage());
        // every 1..3 byte sequence: only MdbDecodeException, nothing else
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b += 17) {
                byte[][] inputs = {{(byte) a}, {(byte) a, (byte) b}, {(byte) a, (byte) b, (byte) b}};
                for (byte[] in : inputs) {
                    try { CashlessCommand.decode(in); } catch (MdbDecodeException ok) { /* expected */ }
                    try { CashlessResponse.decodeAll(in); } catch (MdbDecodeException ok) { /* expected */ }
                }
            }
        }
    }

    @Test
    void checksum_is_the_sum_modulo_256() {
        byte[] data = {(byte) 0x96, (byte) 0x96}; // sum 0x12C → 0x2C (MDB 4.2 §2.2 worked example's rule)
        assertEquals(0x2C, MdbBlock.checksum(data));
        assertArrayEquals(new int[] {0x112, 0x12}, MdbBlock.vmcWords(new byte[] {0x12}));
        assertArrayEquals(new int[] {0x05, 0x00, 0x96, 0x19B}, MdbBlock.peripheralWords(new byte[] {0x05, 0x00, (byte) 0x96}));
        assertEquals("12* 12", MdbBlock.hex(MdbBlock.vmcWords(new byte[] {0x12})));
        assertThrows(IllegalArgumentException.class, () -> MdbBlock.vmcWords(new byte[36]));
    }

    @Test
    void money_converts_between_bus_and_minor_units() {
        MdbMoney fives = new MdbMoney(5, 2);
        assertEquals(35, fives.toMinorUnits(7));
        assertEquals(7, fives.toScaled(35));
        assertEquals("0.35", fives.toAmount(7).toPlainString());
        assertThrows(IllegalArgumentException.class, () -> fives.toScaled(36));
        assertThrows(IllegalArgumentException.class, () -> MdbMoney.MINOR_UNITS_2_DECIMALS.toScaled(70_000));
        assertEquals(new MdbMoney(1, 2), new CashlessResponse.ReaderConfig(1, 0x1156, 1, 2, 5, 0).money());
    }
}
