package io.wavebench.cli;

import io.wavebench.reports.RunFolder;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --keep N}: a run's report folder is tens of megabytes, and nightly runs pile up. After a
 * run, the oldest run folders beside it beyond the newest N (this one included) are removed.
 *
 * <p>Only folders named {@code run-*} that a wavebench run wrote (they hold
 * {@code run-context.json} or {@code plan/}) are candidates, and only beside a report folder that
 * is itself named {@code run-*}: the default {@code target/wavebench-report/run-<time>}, or a
 * {@code --report} a CI job names so in a folder of runs. A {@code --report} named anything else
 * is somebody's chosen place, and nothing beside it is touched. The current run is never removed;
 * the history folder lives elsewhere and is never touched.
 */
final class OldRuns {

    private OldRuns() {}

    /** Removes the oldest run folders beside {@code current} beyond the newest {@code keep}; returns those removed. */
    static List<Path> prune(Path current, int keep) throws IOException {
        Path parent = current.toAbsolutePath().normalize().getParent();
        if (parent == null || !current.getFileName().toString().startsWith("run-") || !Files.isDirectory(parent)) return List.of();
        List<Path> runs;
        try (Stream<Path> children = Files.list(parent)) {
            runs = children.filter(OldRuns::isRunFolder).filter(p -> !p.toAbsolutePath().normalize().equals(current.toAbsolutePath().normalize()))
                    .sorted(Comparator.comparing(OldRuns::started).reversed()).toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path old : runs.subList(Math.min(runs.size(), Math.max(0, keep - 1)), runs.size())) {
            delete(old);
            removed.add(old);
        }
        return removed;
    }

    static boolean isRunFolder(Path dir) {
        return Files.isDirectory(dir) && dir.getFileName().toString().startsWith("run-")
                && (Files.isRegularFile(dir.resolve(RunFolder.CONTEXT)) || Files.isDirectory(dir.resolve(RunFolder.PLAN)));
    }

    /** When the run started, as its context says; a folder's own time when it has none (stopped before writing it). */
    private static Instant started(Path dir) {
        try {
            return RunFolder.readContext(dir).started();
        } catch (IOException | RuntimeException unreadable) {
            try {
                return Files.getLastModifiedTime(dir).toInstant();
            } catch (IOException e) {
                return Instant.EPOCH;
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
