package io.wavebench.cli;

import io.wavebench.reports.Measurement;
import io.wavebench.reports.MeasurementsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's figures with limits, counted the way the report judges them (DESIGN §6): those taken
 * with their scenario alone against their limits, those taken side by side shown but not judged.
 * The failed ones are named, with their scenario's evidence folder, for the closing summary.
 */
record TimingFigures(int pass, int marginal, int fail, int notJudged, List<String> failed) {

    static TimingFigures of(Path reportDir) {
        Path evidence = reportDir.resolve("evidence");
        int pass = 0, marginal = 0, fail = 0, notJudged = 0;
        List<String> failed = new ArrayList<>();
        if (Files.isDirectory(evidence)) {
            try (Stream<Path> dirs = Files.list(evidence)) {
                for (Path dir : dirs.sorted().toList()) {
                    for (Measurement m : MeasurementsFile.read(dir)) {
                        switch (m.verdict()) {
                            case PASS -> pass++;
                            case MARGINAL -> marginal++;
                            case FAIL -> {
                                fail++;
                                failed.add(m.name() + ": " + m.valueText() + ", limit " + m.limitText() + " (" + dir.getFileName() + ")");
                            }
                            case NOT_JUDGED -> notJudged++;
                            case NO_LIMIT, NOT_STATED -> { }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the measurements under " + evidence, e);
            }
        }
        return new TimingFigures(pass, marginal, fail, notJudged, List.copyOf(failed));
    }

    String line() {
        int judged = pass + marginal + fail;
        return judged + " figure" + (judged == 1 ? "" : "s") + " with limits taken alone and judged (" + pass + " PASS, " + marginal + " MARGINAL, " + fail
                + " FAIL); " + notJudged + " taken side by side, shown and not judged";
    }
}
