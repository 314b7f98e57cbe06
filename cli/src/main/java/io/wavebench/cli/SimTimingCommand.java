package io.wavebench.cli;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.CashlessResponse;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.mdb.VmcMaster;
import io.wavebench.drivers.serial.JSerialCommLink;
import io.wavebench.drivers.serial.VirtualSerialPair;
import io.wavebench.drivers.timing.Latencies;
import io.wavebench.simulators.reader.mdb.CashlessListener;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.reader.mdb.PeripheralServer;
import io.wavebench.simulators.reader.mdb.VendDecision;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wavebench sim timing}: the simulated reader's MDB response time over a real pty pair
 * (DESIGN §6: p99 ≤ 5 ms). A benchmark, not a test: it prints the distribution and its verdict.
 */
@Command(
        name = "timing",
        mixinStandardHelpOptions = true,
        description = {
            "Measures how fast the simulated cashless reader answers over a real pty pair (jSerialComm at",
            "both ends, the pty framing): from the end of each VMC block to the first word of the answer,",
            "as the VMC sees it. Runs --exchanges commands: POLLs, with a whole vend session every 20.",
            "Prints p50, p99 and max against MDB's limit (p99 <= 5 ms, DESIGN §6).",
            "Exit 0 when p99 is within the limit, 1 when not."
        })
final class SimTimingCommand implements Callable<Integer> {

    /** MDB 4.2 §3.1 t-response, the DESIGN §6 target for p99. */
    static final Duration LIMIT = Duration.ofMillis(5);

    @Spec
    CommandSpec spec;

    @Option(names = "--exchanges", defaultValue = "5000", paramLabel = "N", description = "Commands to time (default: ${DEFAULT-VALUE}).")
    int exchanges;

    @Option(names = "--warmup", defaultValue = "500", paramLabel = "N", description = "Commands sent first and not counted, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    /** The figures, for tests and for whoever embeds the benchmark. */
    record Figures(int count, double p50Ms, double p99Ms, double maxMs, int overLimit) {
        boolean withinLimit() {
            return p99Ms <= LIMIT.toNanos() / 1e6;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Figures f = measure(exchanges, warmup);
        out.printf(Locale.ROOT, "MDB response time, simulated reader over a pty pair (jSerialComm both ends), %d exchanges:%n", f.count());
        out.printf(Locale.ROOT, "  p50 %.3f ms   p99 %.3f ms   max %.3f ms   over 5 ms: %d%n", f.p50Ms(), f.p99Ms(), f.maxMs(), f.overLimit());
        out.printf(Locale.ROOT, "  limit p99 <= %d ms (MDB 4.2 t-response, DESIGN §6): %s%n", LIMIT.toMillis(), f.withinLimit() ? "PASS" : "FAIL");
        out.flush();
        return f.withinLimit() ? 0 : 1;
    }

    static Figures measure(int exchanges, int warmup) {
        try (VirtualSerialPair pair = VirtualSerialPair.open("mdb-timing")) {
            PtyMdbTransport readerSide = new PtyMdbTransport(new JSerialCommLink(pair.pathA()));
            PtyMdbTransport vmcSide = new PtyMdbTransport(new JSerialCommLink(pair.pathB()));
            readerSide.open();
            vmcSide.open();
            // The decision is made on the calling thread, so each vend's approval is there at the next POLL.
            CashlessPeripheral reader = new CashlessPeripheral(r -> VendDecision.approve(r.priceMinorUnits()), new CashlessListener() {},
                    CashlessPeripheral.DEFAULT_CONFIG, CashlessPeripheral.DEFAULT_ID, Runnable::run);
            try (PeripheralServer server = new PeripheralServer(new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace()), reader)) {
                server.start();
                // A relaxed timeout, so a late answer is measured rather than retransmitted.
                MdbTrace trace = new MdbTrace();
                VmcMaster vmc = new VmcMaster(vmcSide, trace, Duration.ofMillis(100));
                vmc.transact(new CashlessCommand.Reset());
                vmc.transact(new CashlessCommand.Poll());
                vmc.transact(new CashlessCommand.SetupConfig(1, 0, 0, 0));
                vmc.transact(new CashlessCommand.ReaderEnable());
                int warmEnd = -1;
                int sent = 0;
                while (sent < warmup + exchanges) {
                    if (warmEnd < 0 && sent >= warmup) warmEnd = trace.responseTimes().size();
                    if (sent % 20 == 0) {
                        sent += session(vmc, reader);
                    } else {
                        vmc.transact(new CashlessCommand.Poll());
                        sent++;
                    }
                }
                List<Duration> times = trace.responseTimes();
                List<Duration> measured = times.subList(Math.max(0, warmEnd), times.size());
                Latencies latencies = Latencies.of(measured);
                int over = (int) measured.stream().filter(t -> t.compareTo(LIMIT) > 0).count();
                return new Figures((int) latencies.count(), latencies.percentileMs(50), latencies.percentileMs(99), latencies.maxMs(), over);
            } finally {
                vmcSide.close();
                readerSide.close();
            }
        }
    }

    /** One vend session: BEGIN SESSION, VEND REQUEST, APPROVED, SUCCESS, SESSION COMPLETE, END SESSION. */
    private static int session(VmcMaster vmc, CashlessPeripheral reader) {
        reader.beginSession(500);
        vmc.transact(new CashlessCommand.Poll());
        vmc.transact(new CashlessCommand.VendRequest(150, 12));
        List<CashlessResponse> approved = vmc.transact(new CashlessCommand.Poll());
        if (approved.isEmpty()) throw new IllegalStateException("no VEND APPROVED on the POLL after VEND REQUEST; reader " + reader);
        vmc.transact(new CashlessCommand.VendSuccess(12));
        vmc.transact(new CashlessCommand.SessionComplete());
        vmc.transact(new CashlessCommand.Poll());
        return 6;
    }

}
