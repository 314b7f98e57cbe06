package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.*;

import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.serial.FaultySerialLink;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.reader.journal.JournalEntry;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.token.TokenVerifier;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The MDB soak: 2,000 vend sessions over cables that corrupt 1 % and drop 0.5 % of the
 * bytes, with zero wrong outcomes:
 * <ul>
 *   <li>no dispense without a journaled approval — each bus's dispenses equal its journal's sales;
 *   <li>no approval lost — every journaled approval ends SUCCESS (dispensed) or FAILURE (voided,
 *       the VMC never had it), none is left PENDING, and every approval the VMC saw was a sale;
 *   <li>every session terminates — the VMC is back to READY with the reader ENABLED.
 * </ul>
 *
 * <p>How: {@value #BUSES} vending machines run side by side, each with its own simulated reader
 * (the real ReaderPayments, its payment logic and journal, minus the microphone: each token is
 * handed to it as if heard) and its own in-memory cable whose VMC end wears a seeded
 * {@link FaultySerialLink}. In-memory links rather than ptys: the pty path adds only the kernel's
 * copy, which the feature suite and the timing benchmark exercise, and the soak has to fit a
 * minute. Polls every 25 ms (MDB's fastest), response timeout 20 ms.
 */
class MdbNoiseSoakTest {

    static final int BUSES = 8;
    static final int SESSIONS = 2000;
    static final double CORRUPT = 0.01;
    static final double DROP = 0.005;
    private static final Duration SESSION_DEADLINE = Duration.ofSeconds(15);
    /**
     * A BEGIN SESSION the VMC never took (seen once in a full local run, cause not found) leaves the reader in a
     * session of its own; its session timeout (SESSION CANCEL REQUEST, answered by SESSION COMPLETE)
     * ends it. Short here so that the shopper can pay again within the deadline; a vend takes ≈ 0.1 s.
     */
    private static final Duration ORPHAN_SESSION_TIMEOUT = Duration.ofSeconds(3);
    private static final Catalog CATALOG = Catalog.of(new Catalog.Item(12, "cola", 150));

    /** What one bus did. */
    record BusResult(int bus, int sessions, int dispensed, int approvalsSeen, int denied, int resets, int outOfSequence,
                     long journalSales, long journalVoids, long journalPending, FaultySerialLink.Counts faults, List<String> problems,
                     List<String> recoveries) {}

    @Test
    void two_thousand_sessions_on_noisy_cables_end_with_zero_wrong_outcomes() throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(BUSES);
        List<Future<BusResult>> futures = new ArrayList<>();
        for (int b = 0; b < BUSES; b++) {
            int bus = b;
            futures.add(pool.submit(() -> runBus(bus, SESSIONS / BUSES)));
        }
        List<BusResult> results = new ArrayList<>();
        for (Future<BusResult> f : futures) results.add(f.get(120, TimeUnit.SECONDS));
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;

        int sessions = 0, dispensed = 0, approvals = 0, denied = 0, resets = 0, oos = 0;
        long sales = 0, voids = 0, pending = 0, bytes = 0, corrupted = 0, dropped = 0;
        List<String> problems = new ArrayList<>();
        List<String> recoveries = new ArrayList<>();
        for (BusResult r : results) {
            recoveries.addAll(r.recoveries());
            sessions += r.sessions();
            dispensed += r.dispensed();
            approvals += r.approvalsSeen();
            denied += r.denied();
            resets += r.resets();
            oos += r.outOfSequence();
            sales += r.journalSales();
            voids += r.journalVoids();
            pending += r.journalPending();
            bytes += r.faults().bytes();
            corrupted += r.faults().corrupted();
            dropped += r.faults().dropped();
            problems.addAll(r.problems());
        }
        System.out.printf(Locale.ROOT, "MDB soak: %d sessions on %d buses in %.1f s; %d bytes on the wire, %d corrupted (%.2f %%), %d dropped (%.2f %%)%n",
                sessions, BUSES, seconds, bytes, corrupted, 100.0 * corrupted / bytes, dropped, 100.0 * dropped / bytes);
        System.out.printf(Locale.ROOT, "MDB soak: VMC saw %d approvals, %d denials, dispensed %d; journal: %d sales, %d voids, %d pending; "
                + "reader resets after the first %d, out-of-sequence %d; wrong outcomes %d%n",
                approvals, denied, dispensed, sales, voids, pending, resets, oos, problems.size());
        recoveries.forEach(r -> System.out.println("MDB soak: recovered: " + r));

        assertEquals(List.of(), problems, "wrong outcomes");
        assertEquals(SESSIONS, sessions, "every session terminates");
        assertEquals(sales, dispensed, "no dispense without a journaled approval, no sale without a dispense");
        assertEquals(0, pending, "no approval left undecided");
        assertTrue(corrupted > bytes * CORRUPT * 0.8 && dropped > bytes * DROP * 0.8, "the faults were really applied");
    }

    private BusResult runBus(int bus, int count) {
        Clock clock = Clock.systemUTC();
        Issuer issuer = new Issuer(1, key(1), clock, 1000L * (bus + 1));
        TokenVerifier verifier = new TokenVerifier(Map.of(1, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
        Wallet wallet = new Wallet(key(100 + bus));
        wallet.install(issuer.provision(bus, wallet.devicePublicKey(), 10_000_000, 978, Duration.ofDays(1)));
        InMemoryAuthorizationJournal journal = new InMemoryAuthorizationJournal();

        InMemorySerialLink[] cable = InMemorySerialLink.pair("soak-vmc-" + bus, "soak-reader-" + bus);
        FaultySerialLink noisy = new FaultySerialLink(cable[0], 2026 + bus);
        PtyMdbTransport vmcSide = new PtyMdbTransport(noisy);
        vmcSide.open();
        ReaderPayments reader = new ReaderPayments("soak-reader-" + bus, null, null, new PtyMdbTransport(cable[1]), verifier, clock, 10_000, journal)
                .sessionTimeout(ORPHAN_SESSION_TIMEOUT);
        SimulatedVmc vmc = new SimulatedVmc(vmcSide, CATALOG, Duration.ofMillis(25), Duration.ofMillis(20));
        List<String> problems = new ArrayList<>();
        int done = 0;
        try {
            reader.start();
            vmc.start();
            vmc.awaitEvent(Type.READER_ENABLED, Duration.ofSeconds(10));
            noisy.corrupt(CORRUPT).drop(DROP);
            for (int s = 0; s < count; s++) {
                int from = vmc.eventCount();
                // Where each side's trace stood when the session began: a stuck report shows the bus from there.
                int vmcTraceFrom = vmc.trace().entries().size();
                int readerTraceFrom = reader.trace().entries().size();
                vmc.select(12);
                int began = pay(reader, vmc, wallet, clock, from);
                // Ended, or ended by a reset: counted from the session's start, so a reset while paying does not end it early.
                if (began < 0 || !vmc.observeEvent("SESSION_ENDED or READER_ENABLED", e -> e.type() == Type.SESSION_ENDED || e.type() == Type.READER_ENABLED, SESSION_DEADLINE, began).happened()) {
                    problems.add(stuckReport(bus, s, vmc, reader, from, vmcTraceFrom, readerTraceFrom));
                    break;
                }
                done++;
            }
            noisy.clean();
            // Quiet line: let the last session's bookkeeping settle before reading the journal.
            try {
                reader.cashlessStateAwait(CashlessState.ENABLED, SESSION_DEADLINE);
            } catch (IllegalStateException e) {
                int vmcEntries = vmc.trace().entries().size(), readerEntries = reader.trace().entries().size();
                problems.add(stuckReport(bus, done, vmc, reader, vmc.eventCount(), vmcEntries, readerEntries) + "\n  " + e.getMessage());
            }
        } finally {
            vmc.close();
            reader.close();
            vmcSide.close();
        }
        List<VmcEvent> events = vmc.events();
        int dispensed = count(events, Type.DISPENSED);
        int approvals = count(events, Type.VEND_APPROVED);
        List<JournalEntry> entries = journal.entries();
        long sales = entries.stream().filter(e -> !e.isOpen() && e.outcome().isSale()).count();
        long voids = entries.stream().filter(e -> !e.isOpen() && !e.outcome().isSale()).count();
        long pending = entries.stream().filter(JournalEntry::isOpen).count();
        if (dispensed != sales) problems.add("bus " + bus + ": " + dispensed + " dispensed but " + sales + " journaled sales");
        if (approvals != sales) problems.add("bus " + bus + ": VMC saw " + approvals + " approvals but the journal has " + sales + " sales (" + voids + " voids)");
        if (pending != 0) problems.add("bus " + bus + ": " + pending + " approvals still pending");
        return new BusResult(bus, done, dispensed, approvals, count(events, Type.VEND_DENIED), count(events, Type.READER_JUST_RESET) - 1,
                count(events, Type.OUT_OF_SEQUENCE), sales, voids, pending, noisy.counts(), problems,
                events.stream().filter(e -> e.type() == Type.PROTOCOL_ERROR || e.type() == Type.NO_RESPONSE || e.type() == Type.OUT_OF_SEQUENCE
                        || e.type() == Type.SESSION_CANCEL_REQUESTED
                        || (e.type() == Type.READER_JUST_RESET && e != events.stream().filter(x -> x.type() == Type.READER_JUST_RESET).findFirst().orElseThrow()))
                        .map(e -> "bus " + bus + ": " + e).toList());
    }

    /**
     * The shopper pays until the VMC has seen BEGIN SESSION. A reader busy re-initializing (after a
     * reset the noise caused) ignores the sound, so the shopper plays again; so does one that took
     * the payment and then lost the session to a reset. One that took it and is still in the
     * session is waited for: a second token would open a second session nobody asked for, once the
     * first has ended.
     *
     * @return the index of the VMC's SESSION_BEGAN event, or -1 when it saw none within {@link #SESSION_DEADLINE}
     */
    private static int pay(ReaderPayments reader, SimulatedVmc vmc, Wallet wallet, Clock clock, int from) {
        long deadline = System.nanoTime() + SESSION_DEADLINE.toNanos();
        int requestsBefore = sessionRequests(reader);
        boolean played = false;
        while (System.nanoTime() < deadline) {
            // The reader's state first: it is back to ENABLED only after the VMC recorded the session or the reader was reset.
            CashlessState readerNow = reader.cashlessState();
            int began = sessionBegan(vmc, from);
            if (began >= 0) return began;
            boolean taken = played && sessionRequests(reader) > requestsBefore;
            if (!taken || readerNow == CashlessState.ENABLED) {
                try {
                    reader.cashlessStateAwait(CashlessState.ENABLED, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (IllegalStateException e) {
                    return -1;
                }
                requestsBefore = sessionRequests(reader);
                if (played) vmc.select(12); // a session ended without a vend clears the selection: the shopper presses again
                reader.heard(wallet.nextToken(clock).encode());
                played = true;
            }
            vmc.observeEvent("SESSION_BEGAN", e -> e.type() == Type.SESSION_BEGAN, Duration.ofMillis(200), from);
        }
        return sessionBegan(vmc, from);
    }

    private static int sessionBegan(SimulatedVmc vmc, int from) {
        List<VmcEvent> events = vmc.events();
        for (int i = from; i < events.size(); i++) if (events.get(i).type() == Type.SESSION_BEGAN) return i;
        return -1;
    }

    private static int sessionRequests(ReaderPayments reader) {
        return (int) reader.events().stream().filter(e -> e.kind() == ReaderEvent.Kind.SESSION_REQUESTED).count();
    }

    /**
     * What a failure needs to be diagnosed from the CI log alone: both sides' states, the VMC's
     * events, and each side's bus from the session's start (what became of its VEND REQUEST) as
     * well as its last blocks.
     */
    private static String stuckReport(int bus, int session, SimulatedVmc vmc, ReaderPayments reader, int from, int vmcTraceFrom, int readerTraceFrom) {
        return "bus " + bus + " session " + session + " did not terminate; VMC " + vmc.state() + ", reader " + reader.cashlessState()
                + ", VMC events since the selection " + vmc.events().subList(from, vmc.eventCount())
                + "\n  the VMC's blocks:" + blocksSince(vmc.trace(), vmcTraceFrom) + "\n  the reader's blocks:" + blocksSince(reader.trace(), readerTraceFrom);
    }

    static final int REPORT_FIRST = 200, REPORT_LAST = 40;

    /** The trace from entry {@code from} on: its first {@value #REPORT_FIRST} entries and its last {@value #REPORT_LAST}. */
    static String blocksSince(MdbTrace trace, int from) {
        List<MdbTrace.Entry> entries = trace.entries();
        List<MdbTrace.Entry> since = entries.subList(Math.min(from, entries.size()), entries.size());
        StringBuilder out = new StringBuilder();
        int head = Math.min(since.size(), REPORT_FIRST);
        for (MdbTrace.Entry e : since.subList(0, head)) out.append("\n    ").append(e.toText());
        int tail = Math.max(head, since.size() - REPORT_LAST);
        if (tail > head) out.append("\n    ... ").append(tail - head).append(" entries left out ...");
        for (MdbTrace.Entry e : since.subList(tail, since.size())) out.append("\n    ").append(e.toText());
        return out.toString();
    }

    private static int count(List<VmcEvent> events, Type type) {
        return (int) events.stream().filter(e -> e.type() == type).count();
    }
}
