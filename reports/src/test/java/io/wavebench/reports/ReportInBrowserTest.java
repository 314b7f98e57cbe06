package io.wavebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the report as a reader would: in headless Chromium when one is on the PATH
 * ({@code .ci/run} installs Debian's {@code chromium}), checking each page renders with no console
 * message and saving a screenshot to {@code target/report-screenshot.png}. The parsed-DOM checks
 * ({@link SiteCheck}: well-formed, unique ids, every link and picture present, nothing from the
 * network, no card photo) run always, so a machine without a browser still checks the pages.
 */
class ReportInBrowserTest {

    private static final Path REPORT = Path.of("target", "browser-check", "report").toAbsolutePath();
    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png").toAbsolutePath();
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    @BeforeAll
    static void writeTheReport() throws IOException {
        if (Files.exists(REPORT)) {
            try (Stream<Path> old = Files.walk(REPORT)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        History history = new History(REPORT.resolve("history"));
        LivingSpecReport.write(REPORT, SampleRun.write(REPORT), SampleRun.context(), history);
        LivingSpecReport.write(REPORT, SampleRun.write(REPORT), SampleRun.context(), history); // a second run: trend charts appear
    }

    @Test
    void the_pages_pass_the_parsed_dom_checks() throws IOException {
        assertEquals(List.of(), SiteCheck.check(REPORT));
    }

    @Test
    void the_pages_render_in_headless_chromium_with_no_console_messages() throws Exception {
        Optional<Path> browser = browser();
        if (browser.isEmpty()) {
            System.out.println("ReportInBrowserTest: no " + BROWSERS + " on the PATH; the parsed-DOM checks stand in for the browser");
            return;
        }
        for (String page : List.of("index.html", "feature-offline_purchase.html")) {
            Result dom = run(browser.get(), "--dump-dom", REPORT.resolve(page).toUri().toString());
            assertEquals(0, dom.exit(), page + ": chromium exited " + dom.exit() + "\n" + dom.stderr());
            assertEquals(List.of(), consoleMessages(dom.stderr()), page + ": the page logged to the console (it has no script, so any message is an error)");
            assertTrue(dom.stdout().contains("<h1>"), page + " rendered no heading: " + dom.stdout().substring(0, Math.min(400, dom.stdout().length())));
        }
        Files.deleteIfExists(SCREENSHOT);
        Result shot = run(browser.get(), "--screenshot=" + SCREENSHOT, "--window-size=1280,2200", REPORT.resolve("index.html").toUri().toString());
        assertEquals(0, shot.exit(), shot.stderr());
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertEquals(1280, image.getWidth());
        assertTrue(distinctColours(image) > 20, "the screenshot shows a rendered page, not a blank one");
    }

    /** Chromium logs console messages as {@code INFO:CONSOLE(line)] "text", source: …} with --enable-logging=stderr. */
    static List<String> consoleMessages(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result run(Path browser, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("wavebench-chromium-");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
                "--no-first-run", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium-out", ".txt");
        Path err = Files.createTempFile("chromium-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + command + "\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Optional<Path> browser() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : BROWSERS) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) for (int x = 0; x < image.getWidth(); x += 7) colours.add(image.getRGB(x, y));
        return colours.size();
    }
}
