package io.wavebench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wavebench.drivers.audio.AudioDevices;
import io.wavebench.fixtures.rig.Rig;
import io.wavebench.reports.RunContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the report says about where a run happened, so a result can be reproduced or compared:
 * versions, the machine, each role's backing and resources, the audio mixers the JVM saw, and the
 * rig file's text (DESIGN §3: "where is data" — the rig file is the data of the run).
 */
final class RunFacts {

    private RunFacts() {}

    static Map<String, String> of(Rig rig, String tags) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(RunContext.TAGS, tags == null ? "(all scenarios)" : tags);
        facts.put(RunContext.WAVEBENCH, new Version().getVersion()[0].replaceFirst("^wavebench ", ""));
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")");
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("capabilities", rig.capabilities().isEmpty() ? "(none)" : String.join(", ", rig.capabilities().stream().sorted().toList()));
        Rig.Roles roles = rig.roles();
        if (roles != null) {
            role(facts, "phone", roles.phone());
            role(facts, "reader (device under test)", roles.reader());
            role(facts, "vending machine controller", roles.vmc());
            role(facts, "backend", roles.backend());
            role(facts, "evidence", roles.evidence());
        }
        try {
            facts.put("audio mixers seen", AudioDevices.list().stream().map(AudioDevices.AudioDevice::name).collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            facts.put("audio mixers seen", "could not be listed: " + e.getMessage());
        }
        return facts;
    }

    private static void role(Map<String, String> facts, String name, Rig.Role role) {
        if (role == null) return;
        StringBuilder s = new StringBuilder(role.backing() == null ? "" : role.backing().name().toLowerCase(Locale.ROOT));
        if (role.speaker() != null) s.append(", speaker “").append(role.speaker()).append('”');
        if (role.microphone() != null) s.append(", microphone “").append(role.microphone()).append('”');
        if (role.mdbPort() != null) s.append(", MDB port ").append(role.mdbPort());
        facts.put(name, s.toString().replaceFirst("^, ", ""));
    }

    /**
     * The commit the suite ran from: {@code git rev-parse --short HEAD} in the wavebench
     * checkout, with {@code -dirty} when {@code git status --porcelain} lists changes (the run is
     * then not reproducible from the commit alone); {@code unknown} without git or a checkout.
     */
    static String commit(Path root) {
        String head = git(root, "rev-parse", "--short", "HEAD");
        if (head == null || head.isBlank()) return "unknown";
        String status = git(root, "status", "--porcelain");
        return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The reader as its MDB EXPANSION ID answer named it (MDB 4.2 §7.4.7), from
     * {@code reader-identity.json}, which the first scenario that saw the answer writes into the
     * report folder; {@code unknown} when no scenario saw one.
     */
    static String reader(Path reportDir) {
        Path file = reportDir.resolve("reader-identity.json");
        if (!Files.isRegularFile(file)) return "unknown";
        try {
            var id = new ObjectMapper().readTree(file.toFile());
            return "manufacturer " + id.path("manufacturer").asText("?") + ", serial " + id.path("serial").asText("?") + ", model "
                    + id.path("model").asText("?") + ", software " + id.path("softwareVersion").asText("?");
        } catch (IOException e) {
            return "unknown (" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Whether judged figures gate the run on this rig: the rig file's {@code figures.judge}
     * ({@code gate} or {@code report-only}), read from the file's text so a rig file that says
     * nothing means {@code gate}.
     */
    static String figuresJudge(String rigFileText) {
        if (rigFileText == null) return null;
        try {
            var root = new ObjectMapper(new YAMLFactory()).readTree(rigFileText);
            String judge = root == null ? null : root.path("figures").path("judge").asText(null);
            return judge == null || judge.isBlank() ? null : judge.strip();
        } catch (IOException e) {
            return null; // the rig loader has already said what is wrong with the file
        }
    }

    /** The rig file as it was for this run, from disk or from the classpath; null when unreadable. */
    static String rigFileText(String location) {
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = RunFacts.class.getClassLoader().getResourceAsStream(location.substring("classpath:".length()))) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            return null;
        }
    }
}
