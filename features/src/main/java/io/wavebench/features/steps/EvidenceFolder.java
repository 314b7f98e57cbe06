package io.wavebench.features.steps;

import io.cucumber.java.Scenario;
import io.wavebench.reports.EvidenceNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One scenario's evidence folder, {@code <report>/evidence/<slug>/} (DESIGN §3, evidence per
 * scenario), and what of it Cucumber's own reports carry.
 *
 * <p>Cucumber's JSON, HTML and message reports each embed every attachment's bytes, base64: a
 * sound or a picture attached three times over made a full run's folder 255 MB. So a file is
 * written here and attached as a link ({@code text/uri-list}, relative to the report folder, which
 * Cucumber's HTML report shows as a link); only short text ({@value #EMBEDDED_TEXT_LIMIT} bytes
 * or less) is embedded as well, where a reader of the JSON sees it at once.
 *
 * <p>Retention (README, "Evidence"): text, measurements, spectrograms and printed tickets are kept
 * for every scenario; the sound on the air and camera frames, the bulk of a folder, only for a
 * scenario that did not pass, unless {@code -Dwavebench.evidence=all} ({@code --evidence all})
 * asks for them everywhere.
 */
final class EvidenceFolder {

    /** Text at most this long is embedded in Cucumber's reports beside its link. */
    static final int EMBEDDED_TEXT_LIMIT = 2048;
    /** {@code -Dwavebench.evidence}: {@code failed} (the default) or {@code all}. */
    static final String PROPERTY = "wavebench.evidence";
    static final String ALL = "all";
    static final String FAILED = "failed";
    /** What a passing scenario's folder says about the files it does not keep. */
    static final String NOT_KEPT = "not-kept.txt";

    private final Scenario scenario;
    private final String slug;
    private final Path dir;
    private final boolean keepsEverything;

    private EvidenceFolder(Scenario scenario, String slug, Path dir, boolean keepsEverything) {
        this.scenario = scenario;
        this.slug = slug;
        this.dir = dir;
        this.keepsEverything = keepsEverything;
    }

    /** This scenario's folder (created); it keeps everything when the scenario did not pass or the run asked for all. */
    static EvidenceFolder of(Scenario scenario, boolean didNotPass) throws IOException {
        String slug = slug(scenario);
        Path dir = reportDir().resolve("evidence").resolve(slug);
        Files.createDirectories(dir);
        return new EvidenceFolder(scenario, slug, dir, didNotPass || keepAllAsked());
    }

    static Path reportDir() {
        return Path.of(System.getProperty("wavebench.report.dir", "target/wavebench-report"));
    }

    static Path dirOf(Scenario scenario) {
        return reportDir().resolve("evidence").resolve(slug(scenario));
    }

    static String slug(Scenario scenario) {
        return EvidenceNames.slug(scenario.getUri().toString(), scenario.getLine(), scenario.getName());
    }

    /** Whether the run asked for every scenario's sound and frames; an unknown value is an error naming the known ones. */
    static boolean keepAllAsked() {
        String asked = System.getProperty(PROPERTY, FAILED);
        if (asked.equals(ALL)) return true;
        if (asked.equals(FAILED)) return false;
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + asked + ": '" + FAILED + "' (sound and camera frames of scenarios that did not pass; the default) or '"
                + ALL + "' (of every scenario)");
    }

    Path dir() {
        return dir;
    }

    String scenarioName() {
        return scenario.getName();
    }

    String slug() {
        return slug;
    }

    /** Whether the sound on the air and camera frames are kept: the scenario did not pass, or the run asked for all. */
    boolean keepsEverything() {
        return keepsEverything;
    }

    /** Writes a file and links it from Cucumber's reports. */
    void file(String name, byte[] bytes, String what) {
        try {
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence " + dir.resolve(name) + " could not be written", e);
        }
        link(name, what);
    }

    /** Writes a text file; links it, and embeds it too when it is short. */
    void text(String name, String text, String what) {
        text(name, text, "text/plain", what);
    }

    void text(String name, String text, String mediaType, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence " + dir.resolve(name) + " could not be written", e);
        }
        if (bytes.length <= EMBEDDED_TEXT_LIMIT) scenario.attach(text, mediaType, name + " — " + what);
        else link(name, what);
    }

    /** Links a file already in the folder from Cucumber's reports, relative to the report folder. */
    void link(String name, String what) {
        scenario.attach(href(name), "text/uri-list", name + " — " + what);
    }

    /** {@code evidence/<slug>/<name>}, percent-encoded: the link Cucumber's reports carry. */
    String href(String name) {
        return "evidence/" + slug + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Says, in the folder, which files a passing scenario did not keep and how to keep them. */
    void noteWhatWasNotKept(java.util.List<String> notKept) {
        if (keepsEverything || notKept.isEmpty()) return;
        text(NOT_KEPT, "not kept, because the scenario passed: " + String.join(", ", notKept) + System.lineSeparator()
                + "to keep them for every scenario: wavebench run --evidence all (-D" + PROPERTY + "=" + ALL + ")" + System.lineSeparator(),
                "what this folder leaves out, and how to keep it");
    }
}
