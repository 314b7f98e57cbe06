package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.serial.VirtualSerialPair;
import io.wavebench.fixtures.data.SeededKeys;
import io.wavebench.simulators.token.Ed25519;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The standalone simulators against each other over a virtual null-modem cable, as two bench processes would be. */
class SimCommandTest {

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new Wavebench());
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute(args);
        return new Run(exit, text.toString());
    }

    @Test
    void sim_vmc_buys_two_items_from_sim_reader_over_a_pty_pair() throws Exception {
        try (VirtualSerialPair cable = VirtualSerialPair.open("sim-test")) {
            CompletableFuture<Run> reader = CompletableFuture.supplyAsync(() ->
                    run("sim", "reader", "--port", cable.pathA(), "--funds", "5.00", "--sessions", "2", "--timeout", "20s"));
            CompletableFuture<Run> vmc = CompletableFuture.supplyAsync(() ->
                    run("sim", "vmc", "--port", cable.pathB(), "--price", "1.50", "--vends", "2", "--response-timeout", "50ms", "--timeout", "20s"));
            Run v = vmc.get(40, TimeUnit.SECONDS);
            Run r = reader.get(40, TimeUnit.SECONDS);
            assertEquals(0, v.exit(), v.out());
            assertEquals(0, r.exit(), r.out());
            assertTrue(v.out().contains("done: 2 dispensed, 0 denied"), v.out());
            assertTrue(v.out().contains("VEND_APPROVED item=12 amount=150"), v.out());
            assertEquals(2, r.out().lines().filter(l -> l.contains("VEND SUCCESS item 12: sale of 1.50")).count(), r.out());
            assertTrue(r.out().contains("reader ENABLED -> SESSION_IDLE"), r.out());
        }
    }

    @Test
    void sim_vmc_without_a_reader_fails_clearly_naming_the_port() {
        try (VirtualSerialPair cable = VirtualSerialPair.open("sim-test-empty")) {
            Run v = run("sim", "vmc", "--port", cable.pathB(), "--timeout", "1s");
            assertEquals(1, v.exit(), v.out());
            assertTrue(v.out().contains("NO_RESPONSE") && v.out().contains(cable.pathB()), v.out());
            assertTrue(v.out().contains("FAILED: the reader was not enabled"), v.out());
        }
    }

    @Test
    void sim_has_help_for_each_device() {
        Run help = run("sim", "reader", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--port") && help.out().contains("--transport") && help.out().contains("0x10"), help.out());
        assertTrue(run("sim", "vmc", "--help").out().contains("--vends"));
        Run backend = run("sim", "backend", "--help");
        assertEquals(0, backend.exit());
        assertTrue(backend.out().contains("--jdbc") && backend.out().contains("--issuer-seed"), backend.out());
        assertEquals(2, run("sim", "backend", "--port", "eighty").exit(), "a usage error");
    }

    @Test
    void sim_transport_is_the_drivers_mdb_framing_default_pty_and_a_wrong_kind_is_refused_naming_the_choices() {
        Run help = run("sim", "vmc", "--help");
        assertTrue(help.out().contains("Default: pty"), help.out());
        Run wrong = run("sim", "vmc", "--port", "/dev/null", "--transport", "rs485");
        assertEquals(2, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("[pty, uart]") && wrong.out().contains("rs485"), wrong.out());
    }

    @Test
    void sim_reader_with_a_microphone_needs_a_journal_and_says_so() {
        Run r = run("sim", "reader", "--port", "/dev/null", "--microphone", "unix:/nonexistent/air.sock", "--issuer-key", "1:" + "ab".repeat(32));
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().contains("--journal FILE is required"), r.out());
    }

    @Test
    void sim_reader_takes_the_whole_readers_options_and_names_what_a_kiosk_lacks() {
        Run kiosk = run("sim", "reader", "--printer", "/dev/null", "--camera", "x11", "--kiosk-id", "kiosk-1", "--cinema-id", "7",
                "--cinema-name", "CINEMA 7");
        assertEquals(2, kiosk.exit(), kiosk.out());
        assertTrue(kiosk.out().contains("--printer needs --ticketing-key"), kiosk.out());
        Run plain = run("sim", "reader", "--funds", "1.00");
        assertEquals(2, plain.exit(), plain.out());
        assertTrue(plain.out().contains("--port PATH is required"), plain.out());
        Run help = run("sim", "reader", "--help");
        for (String option : new String[] {"--state", "--provision", "--profiles", "--speaker", "--two-way", "--camera", "--printer", "--kiosk-id",
            "--cinema-id", "--cinema-name", "--ticketing-key", "--backend", "--sync-every", "--line-buffer"}) {
            assertTrue(help.out().contains(option), () -> option + " in: " + help.out());
        }
    }

    @Test
    void sim_reader_with_no_shared_air_fails_naming_the_socket_and_frees_the_port(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (VirtualSerialPair cable = VirtualSerialPair.open("sim-reader-mic")) {
            String key = "1:" + HexFormat.of().formatHex(Ed25519.rawPublicKey(
                    new SeededKeys(1).keyPair("issuer").getPublic()));
            String[] args = {"sim", "reader", "--port", cable.pathA(), "--microphone", "unix:" + dir.resolve("nobody.sock"),
                "--journal", dir.resolve("journal.db").toString(), "--issuer-key", key};
            Run r = run(args);
            assertEquals(1, r.exit(), r.out());
            assertTrue(r.out().contains("FAILED: reader sim-reader-1 could not start") && r.out().contains("nobody.sock"), r.out());
            Run again = run(args);
            assertTrue(again.exit() == 1 && again.out().contains("nobody.sock"),
                    "the port was freed by the first failure, so the second fails the same way, not on a busy port: " + again.out());
        }
    }

    @Test
    void sim_timing_prints_the_response_time_distribution_against_the_limit() {
        Run t = run("sim", "timing", "--exchanges", "300", "--warmup", "100");
        assertTrue(t.out().matches("(?s).*p50 \\d+\\.\\d{3} ms +p99 \\d+\\.\\d{3} ms +max \\d+\\.\\d{3} ms.*"), t.out());
        assertTrue(t.out().contains("limit p99 <= 5 ms"), t.out());
        // No assertion on the figure itself: DESIGN §6, the benchmark decides, not a timed unit test.
    }
}
