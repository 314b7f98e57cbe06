package io.wavebench.cli;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.MdbFraming;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.ParityMdbTransport;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.fixtures.data.Money;
import io.wavebench.simulators.reader.ReaderMain;
import io.wavebench.simulators.reader.ReaderOptions;
import io.wavebench.simulators.reader.mdb.CashlessListener;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.reader.mdb.PeripheralServer;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wavebench sim reader}: a cashless reader on a port, for a real VMC to talk to. */
@Command(
        name = "reader",
        mixinStandardHelpOptions = true,
        description = {
            "A simulated cashless reader (MDB device #1, address 0x10) on PORT. It answers the VMC's RESET,",
            "SETUP, EXPANSION ID and READER ENABLE; whenever it is enabled with no session it opens one with",
            "--funds (as if a shopper had paid), approves a vend up to the funds and denies above them.",
            "Stops after --sessions sessions have ended (0: runs until killed). Logs states, vends and sales;",
            "--trace also logs every MDB block, decoded. Exit 0 when done, 1 when the link failed or",
            "nothing happened within --timeout.",
            "",
            "With --microphone, --camera, --printer, --state or --provision it is the full reference reader",
            "instead (how a bench starts the device under test): it hears payments (unix:SOCKET, the air the",
            "simulated rig shares with other processes, or a javax.sound mixer) in each of --profiles (of",
            "wavebench's protocol, or of the one --protocol names: ggwave's payment codes, say), reads",
            "codes and card photos with --camera (x11: an X display's pixels), prints tickets on --printer",
            "(the kiosk function), checks each token offline against --issuer-key or the --provision file",
            "(DESIGN 5.1), journals every approval in its SQLite journal (--journal FILE or --state DIR) before",
            "VEND APPROVED and recovers from it when restarted, even after kill -9, and syncs with --backend",
            "every --sync-every while it can reach it. It logs one line per event and reads commands on stdin:",
            "'sync' (now), 'sync URL' (upload the journal to that backend, pull revocations) and 'stop'.",
            "--funds, --sessions and --timeout do not apply then."
        })
final class SimReaderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PATH", description = "The MDB serial port: /dev/ttyUSB0, or a pty such as /dev/pts/4 (a kiosk-only reader has none).")
    String port;

    @Option(names = "--funds", defaultValue = "5.00", paramLabel = "AMOUNT", description = "Funds each session offers (default: ${DEFAULT-VALUE}).")
    String funds;

    @Option(names = "--sessions", defaultValue = "1", paramLabel = "N", description = "Sessions to open before exiting; 0 for no end (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "TIME", description = "Give up when a session has not ended (or the VMC has not enabled us) after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--trace", description = "Also log every MDB block, decoded.")
    boolean trace;

    /** The reference reader's own options, as {@link ReaderMain} takes them (its --mdb is --port here). */
    @Mixin
    ReaderOptions readerOptions = new ReaderOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (readerOptions.namesWholeReader()) return fullReader(out);
        if (port == null) throw new ParameterException(spec.commandLine(), "--port PATH is required (the reader's MDB port)");
        MdbFraming transport;
        try {
            transport = MdbFraming.parse(readerOptions.transport());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--transport: " + e.getMessage());
        }
        long fundsMinor = Money.minorUnits(funds);
        Duration limit = SimCommand.duration(timeout);
        CashlessPeripheral reader = new CashlessPeripheral(
                r -> r.priceMinorUnits() <= fundsMinor ? VendDecision.approve(r.priceMinorUnits()) : VendDecision.deny("price over the session's funds"),
                new Log(out)).sessionTimeout(sessionTimeout());
        MdbTransport bus = transport.on(port, ParityMdbTransport.Role.PERIPHERAL);
        MdbTrace busTrace = new MdbTrace();
        bus.open();
        PeripheralServer server = new PeripheralServer(new PeripheralPort(bus, CashlessCommand.CASHLESS_1, busTrace), reader);
        SimCommand.log(out, String.format("cashless reader 0x%02X on ", CashlessCommand.CASHLESS_1) + port + " (" + SimCommand.name(transport) + "), " + funds + " per session, "
                + (sessions == 0 ? "no end" : sessions + " session(s)") + "; waiting for the VMC");
        int shown = 0;
        try {
            server.start();
            for (int s = 1; sessions == 0 || s <= sessions; s++) {
                long deadline = System.nanoTime() + limit.toNanos();
                while (reader.state() != CashlessState.ENABLED || !reader.beginSession(fundsMinor)) {
                    shown = showTrace(out, busTrace, shown);
                    if (server.failure().isPresent()) return fail(out, "the link failed: " + server.failure().get().getMessage());
                    if (System.nanoTime() > deadline) return fail(out, "not enabled by the VMC within " + limit.toSeconds() + " s; state " + reader.state());
                    waitForChange(reader);
                }
                SimCommand.log(out, "session " + s + ": shopper paid, BEGIN SESSION with " + funds + " goes out on the next POLL");
                while (reader.state() != CashlessState.ENABLED && reader.state() != CashlessState.DISABLED || stillInSession(reader)) {
                    shown = showTrace(out, busTrace, shown);
                    if (server.failure().isPresent()) return fail(out, "the link failed: " + server.failure().get().getMessage());
                    if (System.nanoTime() > deadline) return fail(out, "session " + s + " did not end within " + limit.toSeconds() + " s; state " + reader.state());
                    waitForChange(reader);
                }
            }
            var delivered = reader.observeDelivered(limit, Duration.ofMillis(500));
            if (!delivered.happened()) return fail(out, "the VMC did not collect the last answers (END SESSION) within " + limit.toSeconds() + " s; " + delivered.lastSeen());
            showTrace(out, busTrace, shown);
            SimCommand.log(out, "done");
            return 0;
        } finally {
            server.close();
            bus.close();
        }
    }

    private Duration sessionTimeout() {
        try {
            return readerOptions.sessionTimeout();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The reference reader, as {@link ReaderMain} runs it: the same options, checked the same way. */
    private int fullReader(PrintWriter out) {
        ReaderMain.Options options;
        InputStream commands;
        try {
            options = readerOptions.toOptions(port, "--port");
            commands = readerOptions.commands(System.in);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return ReaderMain.run(options, out, commands);
    }

    /** BEGIN SESSION makes the state SESSION_IDLE at once; ENABLED again means the session ended. */
    private static boolean stillInSession(CashlessPeripheral reader) {
        CashlessState s = reader.state();
        return s == CashlessState.SESSION_IDLE || s == CashlessState.VEND;
    }

    private static void waitForChange(CashlessPeripheral reader) {
        try {
            reader.awaitState(CashlessState.VEND, Duration.ofMillis(50)); // wakes on any change; VEND itself is not needed
        } catch (IllegalStateException timedOut) {
            // looked again below
        }
    }

    private int showTrace(PrintWriter out, MdbTrace busTrace, int shown) {
        if (!trace) return shown;
        List<MdbTrace.Entry> entries = busTrace.entries();
        for (; shown < entries.size(); shown++) out.println("    " + entries.get(shown).toText());
        out.flush();
        return shown;
    }

    private static int fail(PrintWriter out, String what) {
        SimCommand.log(out, "FAILED: " + what);
        return 1;
    }

    /** The session log: what the VMC did with the reader. */
    private static final class Log implements CashlessListener {
        private final PrintWriter out;

        Log(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onStateChange(CashlessState from, CashlessState to) {
            SimCommand.log(out, "reader " + from + " -> " + to);
        }

        @Override
        public void onVendSuccess(int item, long amount) {
            SimCommand.log(out, "VEND SUCCESS item " + item + ": sale of " + Money.format(amount));
        }

        @Override
        public void onVendFailure(VendRequest request, long amount) {
            SimCommand.log(out, "VEND FAILURE item " + request.item() + ": " + Money.format(amount) + " voided (refund)");
        }

        @Override
        public void onResetAfterApproval(VendRequest request, long amount) {
            SimCommand.log(out, "RESET after VEND APPROVED, item " + request.item() + ": booked as a sale of " + Money.format(amount));
        }

        @Override
        public void onApprovalNotDelivered(VendRequest request, long amount) {
            SimCommand.log(out, "approval for item " + request.item() + " never reached the VMC: voided");
        }

        @Override
        public void onVendCancelled(VendRequest request) {
            SimCommand.log(out, "VEND CANCEL for item " + request.item());
        }

        @Override
        public void onSessionComplete() {
            SimCommand.log(out, "SESSION COMPLETE: END SESSION goes out on the next POLL");
        }

        @Override
        public void onSessionTimeout(Duration after) {
            SimCommand.log(out, "session idle for " + after.toSeconds() + " s: SESSION CANCEL REQUEST");
        }

        @Override
        public void onCashSale(long price, int item) {
            SimCommand.log(out, "CASH SALE item " + item + " for " + Money.format(price));
        }

        @Override
        public void onOutOfSequence(CashlessCommand command, CashlessState state) {
            SimCommand.log(out, "COMMAND OUT OF SEQUENCE: " + command + " in " + state);
        }
    }
}
