package io.wavebench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the After hook keeps and judges, on the simulated rig with a rig file changed for each
 * case: a figure over its limit fails its scenario at the gate and not when figures are
 * report-only or taken side by side; Cucumber's reports link evidence instead of embedding it;
 * the evidence of a passing scenario stays within its budget; a failing purchase says what the
 * rig saw; the reader's identity is kept once.
 */
class EvidenceTest {

    static final String PURCHASE = "classpath:io/wavebench/features/offline_purchase.feature:18";
    static final String REPLAY = "classpath:io/wavebench/features/offline_purchase.feature:25";
    static final String BARCODE = "classpath:io/wavebench/features/payment_codes.feature:22";
    /** Per scenario: a spectrogram, and anything embedded in Cucumber's reports (short text only). */
    static final int SPECTROGRAM_BUDGET = 60 * 1024;
    static final int EMBEDDED_BUDGET = 4 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(Path dir, int exit, JsonNode json) {
        List<JsonNode> scenarios() {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode feature : json) for (JsonNode e : feature.path("elements")) if (e.path("type").asText().equals("scenario")) all.add(e);
            return all;
        }

        /** The scenario's first failure: a step's or a hook's error message, or "" when it passed. */
        String error(JsonNode scenario) {
            for (String part : new String[] {"before", "steps", "after"}) {
                for (JsonNode s : scenario.path(part)) {
                    if (s.path("result").path("status").asText().equals("failed")) return s.path("result").path("error_message").asText();
                }
            }
            return "";
        }

        Path evidence(String slugStart) throws IOException {
            try (Stream<Path> dirs = Files.list(dir.resolve("evidence"))) {
                return dirs.filter(d -> d.getFileName().toString().startsWith(slugStart)).findFirst()
                        .orElseThrow(() -> new AssertionError("no evidence folder " + slugStart + "* in " + dir));
            }
        }
    }

    @Test
    void a_vend_latency_limit_tightened_to_1_ms_fails_a_purchase_naming_the_figure() throws Exception {
        Run run = run("tight", sim().replace("vendLatencyMs: 300", "vendLatencyMs: 1"), Map.of(), 1, PURCHASE);
        assertEquals(1, run.exit(), "a figure over its limit must fail the run");
        String error = run.error(run.scenarios().get(0));
        assertTrue(error.contains("figure over its limit: vend latency (end of sound → VEND APPROVED) ") && error.contains(" ms, limit ≤ 1 ms (taken alone)"), error);
        assertTrue(error.startsWith("java.lang.AssertionError"), error);
        Path evidence = run.evidence("offline-purchase-L18-");
        assertTrue(Files.isRegularFile(evidence.resolve("air.wav")), "a scenario that did not pass keeps its sound");
        assertTrue(Files.isRegularFile(evidence.resolve("rig-saw.txt")), "a scenario that did not pass says what the rig saw");
    }

    @Test
    void with_figures_report_only_the_same_purchase_passes_and_keeps_only_what_fits() throws Exception {
        Run run = run("report-only", sim().replace("vendLatencyMs: 300", "vendLatencyMs: 1").replace("judge: gate", "judge: report-only"), Map.of(), 1, PURCHASE, BARCODE);
        assertEquals(0, run.exit(), () -> "errors: " + run.scenarios().stream().map(run::error).toList());
        Path purchase = run.evidence("offline-purchase-L18-");
        String measurements = Files.readString(purchase.resolve("measurements.json"));
        assertTrue(measurements.contains("vend latency") && measurements.contains("MDB response time, median (VMC's view)"), measurements);
        assertFalse(measurements.contains("median of"), "the median's name must not carry its sample count: " + measurements);
        // A passing scenario: text and a spectrogram, no sound, no camera frames; a line saying how to keep them.
        assertFalse(Files.exists(purchase.resolve("air.wav")));
        assertFalse(Files.exists(purchase.resolve("rig-saw.txt")));
        assertTrue(Files.readString(purchase.resolve("not-kept.txt")).contains("--evidence all"));
        Path barcode = run.evidence("payment-codes-L22-");
        try (Stream<Path> files = Files.list(barcode)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("camera-")), "a passing scenario keeps no camera frames");
        }
        for (Path dir : List.of(purchase, barcode)) {
            long png = Files.size(dir.resolve("air.png"));
            assertTrue(png <= SPECTROGRAM_BUDGET, dir.getFileName() + "/air.png is " + png + " bytes, budget " + SPECTROGRAM_BUDGET);
        }
        assertNothingBigEmbedded(run);
        // The reader's EXPANSION ID answer (MDB 4.2 §7.4.7), kept once per report folder.
        JsonNode identity = JSON.readTree(run.dir().resolve("reader-identity.json").toFile());
        for (String key : List.of("manufacturer", "serial", "model", "softwareVersion", "seenIn")) assertFalse(identity.path(key).asText().isBlank(), key + " in " + identity);
        assertTrue(identity.path("softwareVersion").asText().matches("0x[0-9A-F]{4}"), identity.toString());
    }

    @Test
    void figures_taken_side_by_side_never_fail_a_scenario() throws Exception {
        Run run = run("side-by-side", sim().replace("vendLatencyMs: 300", "vendLatencyMs: 1").replace("mdbResponseMs: 5", "mdbResponseMs: 0.001"), Map.of(), 2, PURCHASE, REPLAY);
        for (String slug : List.of("offline-purchase-L18-", "offline-purchase-L25-")) {
            String measurements = Files.readString(run.evidence(slug).resolve("measurements.json"));
            assertTrue(measurements.contains("\"sideBySide\":2") || measurements.contains("\"sideBySide\" : 2"),
                    "precondition: the two scenarios must have run side by side: " + measurements);
        }
        assertEquals(0, run.exit(), () -> "errors: " + run.scenarios().stream().map(run::error).toList());
    }

    @Test
    void a_purchase_on_an_air_at_minus_12_db_fails_and_says_the_reader_heard_no_frame_at_that_snr() throws Exception {
        String noisy = sim().replace("snrDb: 20                            # over the modem profile's band", "snrDb: -12                           # over the modem profile's band");
        Run run = run("noisy", noisy, Map.of(), 1, PURCHASE);
        assertEquals(1, run.exit());
        String saw = Files.readString(run.evidence("offline-purchase-L18-").resolve("rig-saw.txt"));
        assertTrue(saw.contains("in-band SNR -12.0 dB"), saw);
        assertTrue(saw.contains("only LISTENING, no frame decoded"), saw);
        assertTrue(saw.contains("sounded: 1 sound, the last wavebench robust"), saw);
        assertTrue(saw.lines().count() <= 12, saw);
        String embedded = run.json().toString();
        assertTrue(embedded.contains("rig-saw.txt"), "rig-saw.txt is attached");
    }

    /** No attachment in Cucumber's reports longer than short text, and no WAV or PNG bytes at all. */
    static void assertNothingBigEmbedded(Run run) throws IOException {
        for (String report : List.of("cucumber.json", "cucumber.ndjson")) {
            String text = Files.readString(run.dir().resolve(report));
            Matcher data = Pattern.compile("\"(data|body)\"\\s*:\\s*\"").matcher(text);
            while (data.find()) {
                int end = data.end();
                while (end < text.length() && text.charAt(end) != '"') end += text.charAt(end) == '\\' ? 2 : 1;
                int length = end - data.end();
                assertTrue(length <= EMBEDDED_BUDGET, report + " embeds " + length + " characters at offset " + data.end() + ": " + text.substring(data.end(), data.end() + 80));
            }
            assertFalse(text.contains("UklGR"), report + " embeds a WAV (base64 RIFF)");
            assertFalse(text.contains("iVBORw0KGgo"), report + " embeds a PNG");
            assertTrue(text.contains("text/uri-list") && text.contains("air.png"), report + " links the evidence");
        }
    }

    /** Runs feature lines on a rig file made for the case, with its own report folder; one thread judges figures (taken alone). */
    static Run run(String name, String rigYaml, Map<String, String> properties, int threads, String... features) throws IOException {
        Path dir = Path.of("target", "evidence-test", name).toAbsolutePath();
        if (Files.exists(dir)) try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        Files.createDirectories(dir);
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, rigYaml);
        Map<String, String> set = new HashMap<>(properties);
        set.put("wavebench.rig", rig.toString());
        set.put("wavebench.report.dir", dir.toString());
        Map<String, String> before = new HashMap<>();
        set.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        set.forEach(System::setProperty);
        int exit;
        try {
            List<String> args = new ArrayList<>(List.of("--glue", LiesTest.GLUE, "--plugin", "json:" + dir.resolve("cucumber.json"),
                    "--plugin", "message:" + dir.resolve("cucumber.ndjson"), "--threads", Integer.toString(threads), "--monochrome"));
            args.addAll(List.of(features));
            exit = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        } finally {
            before.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
        return new Run(dir, exit, JSON.readTree(dir.resolve("cucumber.json").toFile()));
    }

    static String sim() throws IOException {
        try (InputStream in = EvidenceTest.class.getClassLoader().getResourceAsStream("rigs/sim.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
