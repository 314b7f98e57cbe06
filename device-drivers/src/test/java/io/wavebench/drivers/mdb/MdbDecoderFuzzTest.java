package io.wavebench.drivers.mdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.serial.SerialSettings;
import java.time.Duration;
import java.util.List;

/**
 * DESIGN §6 "bad input": the MDB decoders under Jazzer, bounded in time, in the suite. Whatever
 * the bytes, a decoder returns a message or throws {@link MdbDecodeException} naming what it
 * refused and the bytes; anything else (an index out of bounds, a hang) is a crash. One fuzz
 * test drives all three decoders, since Jazzer fuzzes one test per run: command blocks (what a
 * reader hears), reply blocks (what a VMC hears), and raw pty bytes through the transport's
 * framing (a framing error names port and bytes, then it resynchronizes).
 */
class MdbDecoderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void mdb_decoders_accept_or_name_every_rejection(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 2);
        byte[] bytes = data.consumeRemainingAsBytes();
        switch (which) {
            case 0 -> command(bytes);
            case 1 -> reply(bytes);
            default -> framing(bytes);
        }
    }

    private static void command(byte[] bytes) {
        try {
            CashlessCommand c = CashlessCommand.decode(bytes);
            assertNotNull(c.toString());
            // What decodes re-encodes to the same length (the address bits aside): no silent truncation.
            assertTrue(c.encode(bytes[0] & 0xF8).length == bytes.length, () -> c + " from " + bytes.length + " bytes");
        } catch (MdbDecodeException e) {
            named(e);
        }
    }

    private static void reply(byte[] bytes) {
        try {
            List<CashlessResponse> all = CashlessResponse.decodeAll(bytes);
            assertFalse(all.isEmpty());
            int length = all.stream().mapToInt(r -> r.encode().length).sum();
            assertTrue(length == bytes.length, () -> all + " from " + bytes.length + " bytes");
        } catch (MdbDecodeException e) {
            named(e);
        }
    }

    private static void framing(byte[] bytes) {
        InMemorySerialLink[] cable = InMemorySerialLink.pair("fuzz-in", "fuzz-port");
        PtyMdbTransport transport = new PtyMdbTransport(cable[1]);
        cable[0].open(SerialSettings.MDB_PTY);
        transport.open();
        try {
            cable[0].write(bytes);
            int budget = bytes.length + 2; // each call consumes at least one byte: no loop can spin
            for (int i = 0; i < budget; i++) {
                try {
                    int w = transport.receive(Duration.ZERO);
                    if (w < 0) break;
                    assertTrue(w <= 0x1FF, "a 9-bit word: " + w);
                } catch (MdbFramingException e) {
                    assertTrue(e.getMessage().contains("fuzz-port") && e.getMessage().contains("framing error"), e.getMessage());
                }
            }
        } finally {
            transport.close();
            cable[0].close();
        }
    }

    private static void named(MdbDecodeException e) {
        String m = e.getMessage();
        assertTrue(m != null && m.contains("(bytes: ") && m.indexOf(" (bytes: ") > 0, () -> "rejection without a name: " + m);
    }
}
