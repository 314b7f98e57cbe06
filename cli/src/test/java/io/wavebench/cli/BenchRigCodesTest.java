package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.reports.Outcome;
import io.wavebench.reports.RunFolder;
import io.wavebench.reports.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The optical features on the bench example rig, on a machine that has none of its hardware
 * (DESIGN §3): scenarios that stand in simulated optics are ABORTED with the reason before they
 * start; the others — ticket pickup and the offline barcode included, which read only what a real
 * reader shows — stand on the rig, whose preflight finds its ports, sound cards and display
 * missing, so they are INFRA-ERROR. None is a FAIL, since none says anything about a reader.
 */
class BenchRigCodesTest {

    @Test
    void on_a_bench_rig_the_code_and_ticket_scenarios_abort_or_find_the_rig_missing_and_none_fails(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("run");
        int status = new CommandLine(new Wavebench()).execute("run", "--rig", benchExample(),
                "--history", dir.resolve("history").toString(), "--report", report.toString(), "--tags", "@optical and not @card");
        assertEquals(1, status, "a run with INFRA-ERRORs");
        Map<String, ScenarioResult> byName = new TreeMap<>();
        for (ScenarioResult s : RunFolder.read(report).scenarios()) byName.put(s.name(), s);
        assertTrue(byName.size() >= 10, byName.keySet().toString());
        // Each is ABORTED (it needs what a bench rig has not) or INFRA-ERROR (the rig is not
        // there); none PASS or FAIL, since none says anything about a reader here.
        for (ScenarioResult s : byName.values()) {
            assertTrue(s.outcome() == Outcome.ABORTED || s.outcome() == Outcome.INFRA_ERROR, () -> s.name() + ": " + s.outcome() + " " + s.error());
            if (s.outcome() == Outcome.ABORTED) assertTrue(s.error().contains("needs "), () -> s.name() + " aborted without its reason: " + s.error());
        }

        List<String> aborted = byName.values().stream().filter(s -> s.outcome() == Outcome.ABORTED).map(ScenarioResult::name).sorted().toList();
        assertTrue(aborted.contains("A QR code on a tilted screen with glare"), aborted::toString);
        // Nothing in them reads inside the reader or the kiosk any more: they need the rig, not a capability.
        for (String name : List.of("Pickup prints the ticket", "A barcode while the reader is offline is declined with its own reason")) {
            assertEquals(Outcome.INFRA_ERROR, byName.get(name).outcome(), () -> name + ": " + byName.get(name).error());
        }
        assertTrue(byName.get("A QR code on a tilted screen with glare").error().contains("needs channel-model"), byName.get("A QR code on a tilted screen with glare").error());

        for (String name : List.of("A purchase with a QR code while the phone is offline", "A purchase with a barcode, verified online")) {
            ScenarioResult s = byName.get(name);
            assertEquals(Outcome.INFRA_ERROR, s.outcome(), () -> name + ": " + s.error());
            assertTrue(s.error().contains("window on display ':0.0'"), () -> "the preflight names the display it could not open: " + s.error());
        }
    }

    /** The bench example as shipped (a rig file path, as a bench engineer passes their copy). */
    private static String benchExample() {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        return root.resolve("fixtures/rigs/bench-example.yaml").toString();
    }
}
