package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.reports.RunContext;
import io.wavebench.reports.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --keep N}: the oldest run folders beside this run's go, and nothing that is not a run folder ever does. */
class OldRunsTest {

    private static Path run(Path parent, String name, String started) throws Exception {
        Path dir = parent.resolve(name);
        Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(dir.resolve("evidence").resolve("x.txt"), "evidence");
        RunFolder.writeContext(dir, new RunContext("sim", "sim.yaml", null, Instant.parse(started), Duration.ofSeconds(1), Map.of()));
        return dir;
    }

    private static List<String> names(Path parent) throws Exception {
        try (Stream<Path> children = Files.list(parent)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void the_oldest_runs_beyond_the_newest_n_are_removed_and_nothing_else(@TempDir Path parent) throws Exception {
        run(parent, "run-20260101-000000", "2026-01-01T00:00:00Z");
        run(parent, "run-20260102-000000", "2026-01-02T00:00:00Z");
        run(parent, "run-20260103-000000", "2026-01-03T00:00:00Z");
        Files.createDirectories(parent.resolve("run-notes")); // named like a run, written by somebody else: no context, no plan
        Files.createDirectories(parent.resolve("history"));
        Path stopped = parent.resolve("run-20260104-000000"); // stopped before its context was written: its plan marks it
        Files.createDirectories(stopped.resolve(RunFolder.PLAN));
        Path current = run(parent, "run-20260105-000000", "2025-01-01T00:00:00Z"); // the current run stays, whatever its clock said

        List<Path> removed = OldRuns.prune(current, 3);

        // newest first: the stopped one (its folder's time is now), then 01-03; the current one counts among the three
        assertEquals(List.of("history", "run-20260103-000000", "run-20260104-000000", "run-20260105-000000", "run-notes"), names(parent));
        assertEquals(2, removed.size(), removed.toString());
        assertTrue(Files.isDirectory(current.resolve("evidence")));
    }

    @Test
    void a_report_folder_not_named_as_a_run_leaves_its_neighbours_alone(@TempDir Path parent) throws Exception {
        run(parent, "run-20260101-000000", "2026-01-01T00:00:00Z");
        Path mine = run(parent, "nightly-report", "2026-01-02T00:00:00Z");
        assertEquals(List.of(), OldRuns.prune(mine, 1));
        assertEquals(List.of("nightly-report", "run-20260101-000000"), names(parent));
    }

    @Test
    void keeping_one_keeps_only_the_current_run(@TempDir Path parent) throws Exception {
        run(parent, "run-a", "2026-01-01T00:00:00Z");
        run(parent, "run-b", "2026-01-03T00:00:00Z");
        Path current = run(parent, "run-c", "2026-01-02T00:00:00Z");
        OldRuns.prune(current, 1);
        assertEquals(List.of("run-c"), names(parent));
    }
}
