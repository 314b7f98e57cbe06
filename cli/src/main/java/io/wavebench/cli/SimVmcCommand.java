package io.wavebench.cli;

import io.wavebench.drivers.mdb.MdbFraming;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.ParityMdbTransport;
import io.wavebench.fixtures.data.Money;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import io.wavebench.simulators.vmc.VmcState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wavebench sim vmc}: a vending machine controller that buys items from a reader on a port. */
@Command(
        name = "vmc",
        mixinStandardHelpOptions = true,
        description = {
            "A simulated vending machine controller (MDB master) on PORT: resets, sets up and enables the",
            "cashless reader at 0x10, then sells --vends items one after another: it selects the item, waits",
            "for the reader to open a session (pay at the reader), requests the vend, dispenses on approval",
            "and completes the session. Logs every event; --trace also logs every block on the bus.",
            "Exit 0 when every vend ended (dispensed or denied), 1 when the reader did not answer or a vend",
            "did not end within --timeout."
        })
final class SimVmcCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "Serial port: /dev/ttyUSB0, or a pty such as /dev/pts/3.")
    String port;

    @Option(names = "--transport", defaultValue = "pty", paramLabel = "KIND", converter = SimCommand.FramingConverter.class,
            description = "pty (two bytes per bus word) or uart (MARK/SPACE parity). Default: ${DEFAULT-VALUE}.")
    MdbFraming transport;

    @Option(names = "--item", defaultValue = "12", paramLabel = "N", description = "Item number to sell (default: ${DEFAULT-VALUE}).")
    int item;

    @Option(names = "--price", defaultValue = "1.50", paramLabel = "AMOUNT", description = "Its price (default: ${DEFAULT-VALUE}).")
    String price;

    @Option(names = "--vends", defaultValue = "1", paramLabel = "N", description = "How many vends to make (default: ${DEFAULT-VALUE}).")
    int vends;

    @Option(names = "--poll", defaultValue = "50ms", paramLabel = "TIME", description = "POLL interval, 25ms..200ms (default: ${DEFAULT-VALUE}).")
    String poll;

    @Option(names = "--response-timeout", defaultValue = "5ms", paramLabel = "TIME",
            description = "How long to wait for the reader's answer (MDB: 5ms; a USB adapter may need 20ms). Default: ${DEFAULT-VALUE}.")
    String responseTimeout;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "TIME", description = "Give up on a vend (or on finding the reader) after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--trace", description = "Also log every MDB block, decoded.")
    boolean trace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration limit = SimCommand.duration(timeout);
        Catalog catalog = Catalog.of(new Catalog.Item(item, "item " + item, Money.minorUnits(price)));
        MdbTransport bus = transport.on(port, ParityMdbTransport.Role.VMC);
        bus.open();
        SimulatedVmc vmc = new SimulatedVmc(bus, catalog, SimCommand.duration(poll), SimCommand.duration(responseTimeout));
        SimCommand.log(out, "VMC on " + port + " (" + SimCommand.name(transport) + "), selling item " + item + " at " + price + ", " + vends + " vend(s)");
        int[] shown = {0, 0};
        try {
            vmc.start();
            for (int v = 1; v <= vends; v++) {
                if (!await(vmc, out, shown, Type.READER_ENABLED, v == 1 ? 0 : -1, limit)) return fail(out, vmc, "the reader was not enabled");
                int from = vmc.eventCount();
                SimCommand.log(out, "vend " + v + "/" + vends + ": shopper selects item " + item + "; pay at the reader");
                vmc.select(item);
                if (!await(vmc, out, shown, Type.SESSION_ENDED, from, limit)) return fail(out, vmc, "vend " + v + " did not end");
            }
            showNew(vmc, out, shown);
            SimCommand.log(out, "done: " + vmc.eventCount(Type.DISPENSED) + " dispensed, " + vmc.eventCount(Type.VEND_DENIED) + " denied");
            return 0;
        } finally {
            vmc.close();
            bus.close();
        }
    }

    /** Waits for an event of {@code type} at index {@code from} or later (-1: after the last shown), logging as events come. */
    private boolean await(SimulatedVmc vmc, PrintWriter out, int[] shown, Type type, int from, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int start = from < 0 ? vmc.eventCount() : from;
        if (type == Type.READER_ENABLED && from < 0 && vmc.state() == VmcState.READY) return true;
        while (System.nanoTime() < deadline) {
            boolean found = vmc.observeEvent(type.name(), e -> e.type() == type, Duration.ofMillis(50), start).happened();
            showNew(vmc, out, shown);
            if (found) return true;
        }
        return false;
    }

    private void showNew(SimulatedVmc vmc, PrintWriter out, int[] shown) {
        List<VmcEvent> events = vmc.events();
        for (; shown[0] < events.size(); shown[0]++) SimCommand.log(out, "VMC " + events.get(shown[0]));
        if (trace) {
            List<MdbTrace.Entry> entries = vmc.trace().entries();
            for (; shown[1] < entries.size(); shown[1]++) out.println("    " + entries.get(shown[1]).toText());
            out.flush();
        }
    }

    private static int fail(PrintWriter out, SimulatedVmc vmc, String what) {
        SimCommand.log(out, "FAILED: " + what + "; VMC state " + vmc.state());
        return 1;
    }
}
