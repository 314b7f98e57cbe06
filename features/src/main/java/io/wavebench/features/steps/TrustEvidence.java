package io.wavebench.features.steps;

import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.fixtures.trust.TrustRig;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.reader.ReaderEvent;
import io.wavebench.simulators.reader.SimulatedReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario's trust evidence (DESIGN §3, evidence per scenario; §5.1: every refusal's reason code
 * in the reader's log and the report): the simulated reader's event log, and where the scenario
 * started them, the second machine's bus and log and what settlement holds.
 */
final class TrustEvidence {

    private TrustEvidence() {}

    static void keep(EvidenceFolder evidence, RigSession session) {
        session.readerInternals().ifPresent(reader -> {
            // A reader powered up again starts a new log: the logs before each power cut come first.
            StringBuilder text = new StringBuilder();
            for (SimulatedReader before : session.readersBeforePowerCuts()) text.append(log(before)).append("--- power cut ---").append(System.lineSeparator());
            evidence.text("reader-events.txt", text.append(log(reader)).toString(), "the reader's log, with each refusal's reason code");
        });
        session.readerOutput().ifPresent(output ->
                evidence.text("reader-output.txt", output, "what the reader process printed during the scenario (its log; no step reads it)"));
        session.trustIfStarted().ifPresent(trust -> {
            trust.nextReaderIfStarted().ifPresent(reader ->
                    evidence.text("reader-events-next-machine.txt", log(reader), "the second machine's reader's log"));
            trust.nextVmcIfStarted().ifPresent(vmc ->
                    evidence.text("mdb-trace-next-machine.txt", vmc.trace().toText(), "the second machine's MDB bus, decoded"));
            if (trust.syncedAny()) evidence.text("settlement.txt", settlement(trust), "what settlement holds: ledger, double spends, revocations, per-reader reports");
        });
    }

    private static String log(SimulatedReader reader) {
        List<ReaderEvent> events = reader.events();
        return events.stream().map(e -> e + (e.reason() == null ? "" : String.format(" [code %02X]", e.reason().code())))
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
    }

    private static String settlement(TrustRig trust) {
        BackendClient backend = trust.readerNetwork();
        StringBuilder text = new StringBuilder();
        try {
            text.append("ledger:\n");
            backend.ledger().forEach(e -> text.append("  ").append(e).append('\n'));
            text.append("double spends:\n");
            backend.doubleSpends().forEach(d -> text.append("  ").append(d).append('\n'));
            text.append("revocations:\n");
            backend.revocations(0).revocations().forEach(r -> text.append("  ").append(r).append('\n'));
            for (String reader : trust.syncedReaders()) text.append("report ").append(reader).append(": ").append(backend.report(reader)).append('\n');
        } catch (RuntimeException e) {
            text.append("settlement could not be read: ").append(e.getMessage()).append('\n');
        }
        return text.toString();
    }
}
