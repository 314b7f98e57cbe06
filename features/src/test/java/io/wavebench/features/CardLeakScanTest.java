package io.wavebench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.wavebench.fixtures.cards.CardLeaks;
import io.wavebench.fixtures.cards.CardsShown;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * DESIGN §5.4 / §6 "card data: 0 full PANs in any output": runs the card scenarios as
 * {@code ./wavebench run} does (Cucumber with the report's HTML, JSON, message and JUnit plugins,
 * evidence into the report folder), with every log event at DEBUG and above written to a log
 * file, then reads every file the run wrote (the run folder, and anything under this module's
 * target/ and the temp directory changed since the run began) and looks for every card number
 * the phones showed, in any printed form and inside base64 attachments.
 */
class CardLeakScanTest {

    @Test
    void card_scenarios_leave_no_card_number_in_any_file_they_wrote() throws IOException {
        FileTime began = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        Path run = Files.createDirectories(Path.of("target", "card-leak-run")).toAbsolutePath();
        int before = CardsShown.count();

        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %level %logger %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setFile(run.resolve("run.log").toString());
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
        root.setLevel(Level.DEBUG);
        String reportDir = System.getProperty("wavebench.report.dir");
        System.setProperty("wavebench.report.dir", run.toString());
        byte status;
        try {
            status = io.cucumber.core.cli.Main.run(new String[] {
                "--glue", "io.wavebench.features.steps", "--tags", "@card and not @lie",
                "--plugin", "html:" + run.resolve("cucumber.html"),
                "--plugin", "json:" + run.resolve("cucumber.json"),
                "--plugin", "message:" + run.resolve("cucumber.ndjson"),
                "--plugin", "junit:" + run.resolve("cucumber-junit.xml"),
                "classpath:io/wavebench/features"}, Thread.currentThread().getContextClassLoader());
        } finally {
            if (reportDir == null) System.clearProperty("wavebench.report.dir");
            else System.setProperty("wavebench.report.dir", reportDir);
            root.detachAppender(file);
            file.stop();
            root.setLevel(level);
        }
        assertEquals(0, status, "the card scenarios must pass for the scan to mean anything");

        int shown = CardsShown.count();
        assertTrue(shown - before >= 3 || shown >= 4, "the run showed too few cards to scan for: " + shown);
        assertTrue(Files.size(run.resolve("run.log")) > 0, "the run logged nothing: the log check would prove nothing");

        List<Path> written = new ArrayList<>();
        Walk target = Walk.of(Path.of("target").toAbsolutePath(), began);
        Walk temp = Walk.of(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), began);
        for (Walk walk : List.of(target, temp)) {
            System.out.printf("card leak scan: %s: %d files seen, %d changed since the run began, %d entries unreadable or gone (skipped)%n",
                    walk.root(), walk.seen(), walk.changed().size(), walk.skipped());
            assertTrue(walk.rootVisited(), () -> "could not walk " + walk.root());
            written.addAll(walk.changed());
        }
        CardLeaks.Scan scan = CardsShown.scanFor(written);
        System.out.printf("card leak scan: %d files, %d bytes, %d card numbers searched, %d found%n", scan.files(), scan.bytes(), shown, scan.leaks().size());
        assertTrue(scan.files() >= 5, "the run wrote fewer files than its report alone: " + scan.files());
        assertEquals(List.of(), scan.leaks(), "full card numbers found in files the run wrote");
    }

    /**
     * The regular files under a folder changed since {@code began}. Other processes' temp files come
     * and go while we walk: an entry that vanished or cannot be read is counted and skipped, and the
     * walk goes on through the rest of the folder (Files.walk would stop at the first one).
     */
    private record Walk(Path root, boolean rootVisited, int seen, int skipped, List<Path> changed) {

        static Walk of(Path root, FileTime began) throws IOException {
            List<Path> changed = new ArrayList<>();
            int[] seen = {0};
            int[] skipped = {0};
            boolean[] rootVisited = {false};
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) rootVisited[0] = true;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                    seen[0]++;
                    if (attrs.lastModifiedTime().compareTo(began) >= 0) changed.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skipped[0]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) skipped[0]++; // listing the folder broke off: what it listed was visited
                    return FileVisitResult.CONTINUE;
                }
            });
            return new Walk(root, rootVisited[0], seen[0], skipped[0], changed);
        }
    }
}
