package io.wavebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A device of the rig that went BROKEN during the run (DESIGN §3: it could not reach its state,
 * and the scenarios that needed it afterwards were INFRA-ERROR), as the run's output records it:
 * {@value #FILE} in the report folder, one JSON object a line with {@code rig}, {@code device},
 * {@code since} (an ISO-8601 instant) and {@code reason} (its wait's failure: the state, the
 * deadline and what was last seen), appended by the rig as each device goes BROKEN.
 */
public record BrokenDevice(String rig, String device, String since, String reason) {

    /** The report folder's file of BROKEN devices; the rig writes it ({@code fixtures}' BrokenDevices). */
    public static final String FILE = "broken-devices.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The devices that went BROKEN in the run of {@code reportDir}, in the order they went; none when the file is absent. */
    public static List<BrokenDevice> read(Path reportDir) throws IOException {
        Path file = reportDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return List.of();
        List<BrokenDevice> devices = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = JSON.readTree(line);
            devices.add(new BrokenDevice(n.path("rig").asText(""), n.path("device").asText("?"), n.path("since").asText("?"), n.path("reason").asText("")));
        }
        return List.copyOf(devices);
    }

    /** One line for a console or a list: the device, since when, and why. */
    public String line() {
        return device + " (rig '" + rig + "') BROKEN since " + since + ": " + reason;
    }
}
