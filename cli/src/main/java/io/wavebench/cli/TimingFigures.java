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
 */
record TimingFigures(int pass, int marginal, int fail, int notJudged) {

    static TimingFigures of(Path reportDir) {
        List<Measurement> all = new ArrayList<>();
        Path evidence = reportDir.resolve("evidence");
        if (Files.isDirectory(evidence)) {
            try (Stream<Path> dirs = Files.list(evidence)) {
                for (Path dir : dirs.sorted().toList()) all.addAll(MeasurementsFile.read(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("reading the measurements under " + evidence, e);
            }
        }
        int pass = 0, marginal = 0, fail = 0, notJudged = 0;
        for (Measurement m : all) {
            switch (m.verdict()) {
                case PASS -> pass++;
                case MARGINAL -> marginal++;
                case FAIL -> fail++;
                case NOT_JUDGED -> notJudged++;
                case NO_LIMIT -> { }
            }
        }
        return new TimingFigures(pass, marginal, fail, notJudged);
    }

    String line() {
        int judged = pass + marginal + fail;
        return judged + " figure" + (judged == 1 ? "" : "s") + " with limits taken alone and judged (" + pass + " PASS, " + marginal + " MARGINAL, " + fail
                + " FAIL); " + notJudged + " taken side by side, shown and not judged";
    }
}
