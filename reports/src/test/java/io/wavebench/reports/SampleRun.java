package io.wavebench.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small run written to a folder the way {@code wavebench run} leaves it: Cucumber JSON and
 * message stream, evidence folders (a WAV with its spectrogram, an MDB trace, measurements, and a
 * card photo that must never show), covering every outcome, an outline, a data table and a doc string.
 */
final class SampleRun {

    static final String URI = "classpath:io/wavebench/features/offline_purchase.feature";

    static final String JSON = """
            [{"uri":"%1$s","name":"Offline purchase by sound","description":"  A shopper pays with a `sound`.\\n  Second line of the same paragraph.\\n\\n  A second paragraph <with> & markup.","tags":[{"name":"@acoustic"}],"elements":[
              {"type":"background","keyword":"Background","name":"","steps":[{"keyword":"Given ","name":"a machine","result":{"status":"passed","duration":1000000}}]},
              {"type":"scenario","keyword":"Scenario","line":18,"name":"A purchase","description":"  Plain words about it.","id":"offline;a-purchase","tags":[{"name":"@acoustic"}],
               "before":[{"match":{"location":"Hooks.before()"},"result":{"status":"passed","duration":5000000}}],
               "steps":[{"keyword":"When ","name":"the phone plays","result":{"status":"passed","duration":1500000000},
                         "rows":[{"cells":["slot","price"]},{"cells":["12","1.50"]}],
                         "embeddings":[{"mime_type":"audio/wav","name":"air.wav","data":""}]},
                        {"keyword":"Then ","name":"the display says","doc_string":{"value":"THANK YOU\\nENJOY"},"result":{"status":"passed","duration":2000000}}],
               "after":[{"match":{"location":"Hooks.after(io.cucumber.java.Scenario)"},"result":{"status":"passed","duration":5000000}}]},
              {"type":"background","keyword":"Background","name":"","steps":[{"keyword":"Given ","name":"a machine","result":{"status":"passed","duration":1000000}}]},
              {"type":"scenario","keyword":"Scenario","line":25,"name":"A replay","id":"offline;a-replay","steps":[
                 {"keyword":"Then ","name":"the reader declines","result":{"status":"failed","duration":10000000000,"error_message":"no DISPLAYED yet\\n\\tat Steps.java:1\\n\\tat a\\n\\tat b\\n\\tat c\\n\\tat d\\n\\tat e"}},
                 {"keyword":"And ","name":"no vend is approved","result":{"status":"skipped","duration":0}}]},
              {"type":"scenario","keyword":"Scenario","line":32,"name":"Needs the reader's insides","id":"offline;needs-the-reader-s-insides","steps":[{"keyword":"Then ","name":"x","result":{"status":"skipped","error_message":"org.opentest4j.TestAbortedException: ABORTED: needs reader-internals"}}]},
              {"type":"scenario","keyword":"Scenario Outline","line":44,"name":"In a noisy place: subway","id":"offline;in-a-noisy-place:-<place>;;2","steps":[{"keyword":"When ","name":"it is loud","result":{"status":"passed","duration":3000000}}]},
              {"type":"scenario","keyword":"Scenario Outline","line":45,"name":"In a noisy place: mall","id":"offline;in-a-noisy-place:-<place>;;3","steps":[{"keyword":"When ","name":"it is loud","result":{"status":"passed","duration":3000000}}]},
              {"type":"scenario","keyword":"Scenario","line":50,"name":"Bench broken","id":"offline;bench-broken","steps":[{"keyword":"Given ","name":"a port","result":{"status":"failed","duration":1000,"error_message":"port /dev/ttyUSB0 gone"}}]},
              {"type":"scenario","keyword":"Scenario","line":55,"name":"Sometimes","id":"offline;sometimes","steps":[{"keyword":"Given ","name":"luck","result":{"status":"passed","duration":1000}}]}
            ]}]
            """.formatted(URI);

    static final String NDJSON = """
            {"meta":{"protocolVersion":"27.0.0"}}
            {"gherkinDocument":{"uri":"%1$s","feature":{"name":"Offline purchase by sound","children":[{"scenario":{"keyword":"Scenario Outline","name":"In a noisy place: <place>","description":"  Loud places.","examples":[{"keyword":"Examples","name":"","tableHeader":{"cells":[{"value":"place"}]},"tableBody":[{"location":{"line":44,"column":7},"cells":[{"value":"subway"}]},{"location":{"line":45,"column":7},"cells":[{"value":"mall"}]}]}]}}]}}}
            {"testRunFinished":{"success":true}}
            """.formatted(URI);

    static final String TRUST_URI = "classpath:io/wavebench/features/offline_trust.feature";
    static final String CLOCK_OUTLINE = "A phone whose clock is off within the allowance still pays";

    /**
     * A second feature for the runs that need every outcome: an outline whose rows all share the
     * outline's name (no placeholder in it) across two Examples blocks, the second one named, a
     * step not written (SPEC-ERROR), and a scenario the stopped run never finished (NOT-RUN).
     */
    static final String TRUST_JSON = """
            {"uri":"%1$s","name":"Offline trust","description":"","elements":[
              {"type":"scenario","keyword":"Scenario Outline","line":16,"name":"%2$s","id":"offline-trust;clock;;2","steps":[{"keyword":"Given ","name":"a clock 30 s off","result":{"status":"passed","duration":1000000}}]},
              {"type":"scenario","keyword":"Scenario Outline","line":17,"name":"%2$s","id":"offline-trust;clock;;3","steps":[{"keyword":"Given ","name":"a clock 60 s off","result":{"status":"failed","duration":1000000,"error_message":"%3$s"}}]},
              {"type":"scenario","keyword":"Scenario Outline","line":21,"name":"%2$s","id":"offline-trust;clock;far-off;2","steps":[{"keyword":"Given ","name":"a clock 90 s off","result":{"status":"passed","duration":1000000}}]},
              {"type":"scenario","keyword":"Scenario","line":30,"name":"A step not written","id":"offline-trust;a-step-not-written","steps":[{"keyword":"Given ","name":"a step nobody wrote","result":{"status":"undefined","duration":0}}]},
              {"type":"scenario","keyword":"Scenario","line":35,"name":"Not reached","id":"offline-trust;not-reached","steps":[{"keyword":"Given ","name":"a machine","result":{"status":"skipped","duration":0}}]}
            ]}""";

    static final String TRUST_NDJSON = """
            {"gherkinDocument":{"uri":"%1$s","feature":{"name":"Offline trust","children":[{"scenario":{"location":{"line":12,"column":3},"keyword":"Scenario Outline","name":"%2$s","description":"","examples":[{"keyword":"Examples","name":"","tableHeader":{"cells":[{"value":"skew"}]},"tableBody":[{"location":{"line":16,"column":7},"cells":[{"value":"30 s"}]},{"location":{"line":17,"column":7},"cells":[{"value":"60 s"}]}]},{"keyword":"Examples","name":"Far off","tableHeader":{"cells":[{"value":"skew"}]},"tableBody":[{"location":{"line":21,"column":7},"cells":[{"value":"90 s"}]}]}]}}]}}}
            """;

    private SampleRun() {}

    /**
     * The sample run plus {@link #TRUST_JSON}: every one of the seven outcomes, outline rows with
     * the same name, an error with control characters and a long stack trace.
     */
    static RunResult writeEveryOutcome(Path reportDir) throws IOException {
        RunResult first = write(reportDir);
        StringBuilder longTrace = new StringBuilder("clock skew 60 s refused: \\u0001\\u001b[31mred\\u001b[0m ]]> <tag> & more");
        for (int i = 0; i < 2000; i++) longTrace.append("\\n\\tat io.wavebench.features.steps.TrustSteps.frame").append(i).append("(TrustSteps.java:").append(i).append(')');
        String json = JSON.strip();
        json = json.substring(0, json.length() - 1) + "," + TRUST_JSON.formatted(TRUST_URI, CLOCK_OUTLINE, longTrace) + "]";
        Files.writeString(reportDir.resolve("cucumber.json"), json);
        Files.writeString(reportDir.resolve("cucumber.ndjson"), NDJSON + TRUST_NDJSON.formatted(TRUST_URI, CLOCK_OUTLINE));
        RunResult read = RunResult.readCucumberJson(reportDir.resolve("cucumber.json"));
        List<ScenarioResult> scenarios = new ArrayList<>(first.scenarios());
        for (ScenarioResult s : read.scenarios()) {
            if (!s.featureUri().equals(TRUST_URI)) continue;
            scenarios.add(s.name().equals("Not reached") ? s.withOutcome(Outcome.NOT_RUN, "the run was stopped (SIGTERM) before this scenario finished") : s);
        }
        return new RunResult(List.copyOf(scenarios), read.features());
    }

    /**
     * Writes the run into {@code reportDir} and returns it read back, with the outcomes only the
     * preflight and reruns can give (INFRA-ERROR, FLAKY) set on "Bench broken" and "Sometimes".
     */
    static RunResult write(Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        Files.writeString(reportDir.resolve("cucumber.json"), JSON);
        Files.writeString(reportDir.resolve("cucumber.ndjson"), NDJSON);
        Files.writeString(reportDir.resolve("cucumber.html"), "<!DOCTYPE html><html><body>cucumber</body></html>");
        RunResult read = RunResult.readCucumberJson(reportDir.resolve("cucumber.json"));
        List<ScenarioResult> scenarios = new ArrayList<>();
        for (ScenarioResult s : read.scenarios()) {
            Outcome o = switch (s.name()) {
                case "Bench broken" -> Outcome.INFRA_ERROR;
                case "Sometimes" -> Outcome.FLAKY;
                default -> s.outcome();
            };
            scenarios.add(new ScenarioResult(s.feature(), s.featureUri(), s.line(), s.name(), s.tags(), o, s.duration(), s.steps(), s.attachments(),
                    s.error(), s.keyword(), s.description(), s.outlineId()));
        }
        RunResult run = new RunResult(scenarios, read.features());

        Path purchase = Evidence.folder(reportDir, scenarios.get(0));
        Files.createDirectories(purchase);
        float[] tone = new float[4800];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 2000 * i / 48000.0));
        Files.write(purchase.resolve("air.wav"), wav(tone));
        Files.write(purchase.resolve("air.png"), picture());
        Files.writeString(purchase.resolve("mdb-trace.txt"), "  0.4 ms  VMC>RDR  10* 10   RESET  [chk ok]\n  1.0 ms  RDR>VMC  05 00 96*  VEND APPROVED <150>\n");
        Files.write(purchase.resolve("card-front.png"), picture());
        Files.write(purchase.resolve("camera frame 1.png"), picture());
        Files.deleteIfExists(purchase.resolve(MeasurementsFile.NAME)); // written afresh when a test writes the run twice
        WrittenMeasurements.append(purchase, WrittenMeasurements.atMost("vend latency", 142, "ms", 300, Measurement.Verdict.PASS));
        WrittenMeasurements.append(purchase, WrittenMeasurements.atLeast("in-band SNR", 8.5, "dB", 8, Measurement.Verdict.MARGINAL));
        return run;
    }

    static RunContext context() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("wavebench", "0.1.0-test");
        facts.put("java", "17");
        facts.put("reader (device under test)", "simulated, microphone “wavebench loopback 1”");
        return new RunContext("sim", "fixtures/rigs/sim.yaml", "name: sim\nroles: {}\n", Instant.parse("2026-01-02T03:04:05Z"), Duration.ofSeconds(21), facts);
    }

    /** A minimal 16-bit mono PCM WAV. */
    /** A small picture, as the run's spectrograms and camera frames are PNGs. */
    static byte[] picture() {
        return Png.encode(new BufferedImage(64, 32, BufferedImage.TYPE_BYTE_GRAY));
    }

    static byte[] wav(float[] samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(48000).putInt(96000).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(samples.length * 2);
        for (float s : samples) b.putShort((short) Math.round(s * 32767));
        return b.array();
    }
}
