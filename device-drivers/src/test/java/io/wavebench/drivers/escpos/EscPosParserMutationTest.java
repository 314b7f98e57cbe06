package io.wavebench.drivers.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §6 "bad input", without Jazzer: 100,000 seeded mutations of real tickets (bit flips,
 * byte changes, inserted command bytes, cuts, splices) fed in random chunks. The parser must hand
 * out commands or throw {@link EscPosParseException} naming the offset and bytes, move forward on
 * every call (so it cannot hang), and account for every byte. Deterministic: a failure prints the
 * seed and input to replay. The coverage-guided Jazzer fuzz of the same input path runs in the
 * simulators module (PrinterInputFuzzTest).
 */
class EscPosParserMutationTest {

    private static final int INPUTS = 100_000;
    private static final long SEED = 0x6E5C_905L;
    /** Bytes a mutation likes to insert: command starts and their favourite parameters. */
    private static final int[] INTERESTING = {0x0A, 0x10, 0x04, 0x1B, 0x1D, '(', 'k', '@', 'a', 'E', '!', 'V', 'r', 0x31, 0x41, 0x50, 0x51, 0x30, 0x00, 0xFF, 0x7F,
        0x09, 0x0D, 0x18, 0x1C, 'v', 'p', 'L', '8', '*', 'D', 't'};

    @Test
    void a_hundred_thousand_mutated_tickets_are_parsed_or_refused_by_name() {
        List<byte[]> seeds = List.of(EscPosRoundTripTest.ticket().toBytes(),
                new EscPosWriter().initialize().codePage(CodePage.WPC1252).line("Séance").qr("x".repeat(300), 3, QrErrorLevel.H).toBytes(),
                new EscPosWriter().add(new EscPosCommand.StatusRequest(StatusKind.ROLL_PAPER)).add(new EscPosCommand.PaperSensorRequest())
                        .cut(CutMode.PARTIAL).feed(3).toBytes());
        Random random = new Random(SEED);
        int[] outcomes = new int[3]; // clean, refused, truncated
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
                try {
                    outcomes[check(input, 1 + random.nextInt(64))]++;
                } catch (AssertionError | RuntimeException e) {
                    fail("input " + i + " (seed " + SEED + "): " + HexFormat.of().formatHex(input), e);
                }
            }
        }, "the parser hung on an input");
        assertEquals(INPUTS, outcomes[0] + outcomes[1] + outcomes[2]);
        assertTrue(outcomes[1] > INPUTS / 10 && outcomes[0] > INPUTS / 100,
                "mutations should both pass and fail: clean " + outcomes[0] + ", refused " + outcomes[1] + ", truncated " + outcomes[2]);
    }

    /** @return 0 parsed clean, 1 something refused, 2 only the end truncated */
    private static int check(byte[] input, int chunk) {
        EscPosParser parser = new EscPosParser("mutant");
        boolean refused = false;
        for (int at = 0; at < input.length; at += chunk) {
            parser.feed(input, at, Math.min(chunk, input.length - at));
            while (true) {
                long before = parser.offset();
                EscPosCommand command;
                try {
                    command = parser.next();
                } catch (EscPosParseException e) {
                    named(e);
                    assertTrue(parser.offset() > before, "an error skips at least one byte");
                    refused = true;
                    continue;
                }
                if (command == null) break;
                assertEquals(command.bytes().length, parser.offset() - before, () -> command + " re-encodes to another length");
            }
        }
        try {
            parser.finish();
        } catch (EscPosParseException e) {
            assertEquals(EscPosParseException.Kind.TRUNCATED, e.kind());
            named(e);
            if (!refused) return 2;
        }
        assertEquals(input.length, parser.offset(), "every byte accounted for");
        return refused ? 1 : 0;
    }

    private static void named(EscPosParseException e) {
        String m = e.getMessage();
        assertTrue(m.startsWith("ESC/POS from mutant: ") && m.contains(" at offset " + e.offset() + " (bytes "), m);
    }

    private static byte[] mutate(byte[] seed, List<byte[]> seeds, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 3 -> b = Arrays.copyOf(b, at + 1); // cut short
                case 4 -> { // delete a run
                    int n = Math.min(b.length - at, 1 + random.nextInt(8));
                    byte[] out = new byte[b.length - n];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + n, out, at, b.length - at - n);
                    b = out;
                }
                default -> { // splice in a piece of another ticket
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    int from = random.nextInt(other.length);
                    int n = Math.min(other.length - from, 1 + random.nextInt(32));
                    byte[] out = new byte[b.length + n];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(other, from, out, at, n);
                    System.arraycopy(b, at, out, at + n, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }
}
