package io.wavebench.simulators.vmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.drivers.wait.DeviceNotReadyException;
import io.wavebench.simulators.reader.mdb.CashlessListener;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.reader.mdb.PeripheralServer;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The machine's readiness as a strategy: {@code start(readerEnabled())} returns with the reader
 * enabled, and fails within its deadline, naming the VMC's port, what it waited for and its last
 * events, when no reader answers.
 */
class VmcReadinessTest {

    private static final Catalog CATALOG = Catalog.of(new Catalog.Item(12, "cola", 150));

    @Test
    void start_returns_once_the_reader_is_enabled() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/reader");
        try (PtyMdbTransport vmcSide = new PtyMdbTransport(links[0]); PtyMdbTransport readerSide = new PtyMdbTransport(links[1])) {
            vmcSide.open();
            readerSide.open();
            CashlessPeripheral reader = new CashlessPeripheral(request -> VendDecision.approve(150), new CashlessListener() {});
            PeripheralPort port = new PeripheralPort(readerSide, CashlessCommand.CASHLESS_1, new MdbTrace(), Duration.ofMillis(200), Duration.ofMillis(100));
            try (PeripheralServer server = new PeripheralServer(port, reader);
                    SimulatedVmc vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(200))) {
                server.start();
                vmc.start(SimulatedVmc.readerEnabled().withStartupTimeout(Duration.ofSeconds(5)));
                assertEquals(1, vmc.eventCount(Type.READER_ENABLED), "returned with the reader enabled, no sooner");
                reader.awaitState(CashlessState.ENABLED, Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void a_machine_whose_reader_never_answers_fails_within_its_deadline_naming_port_state_and_last_events() {
        InMemorySerialLink[] links = InMemorySerialLink.pair("/dev/pts/vmc", "/dev/pts/nobody");
        try (PtyMdbTransport vmcSide = new PtyMdbTransport(links[0]);
                SimulatedVmc vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(50))) {
            vmcSide.open();
            long t0 = System.nanoTime();
            DeviceNotReadyException e = assertThrows(DeviceNotReadyException.class,
                    () -> vmc.start(SimulatedVmc.readerEnabled().withStartupTimeout(Duration.ofMillis(500))));
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(tookMs >= 500 && tookMs < 3_000, "failed within its deadline: " + tookMs + " ms");
            assertEquals("VMC on /dev/pts/vmc", e.device());
            assertTrue(e.state().startsWith("READER_ENABLED"), e.state());
            assertEquals(Duration.ofMillis(500), e.timeout());
            assertTrue(e.lastSeen().startsWith("state INITIALIZING") || e.lastSeen().startsWith("state NO_READER"), e.lastSeen());
            assertTrue(e.getMessage().startsWith("VMC on /dev/pts/vmc: did not reach READER_ENABLED"), e.getMessage());
            assertTrue(e.getMessage().contains("within 500 ms; last seen: state "), e.getMessage());
        }
    }
}
