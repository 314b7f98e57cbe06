package io.wavebench.features.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.simulators.vmc.VmcEvent;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader's identity as it gave it on the bus (MDB 4.2 §7.4.7, EXPANSION REQUEST ID: the
 * reader answers PERIPHERAL ID with its manufacturer code, serial number, model number and
 * software version), kept once per report folder in {@code reader-identity.json} so the run's
 * facts and its history say which reader was tested. The first scenario whose VMC saw the answer
 * writes it; scenarios side by side race, and the first to link the file wins (a hard link fails
 * when the name exists), so the file is never seen half written.
 */
final class ReaderIdentity {

    static final String NAME = "reader-identity.json";
    /** The simulated VMC's READER_IDENTIFIED detail: "PERIPHERAL ID manufacturer=ACM serial=… model=… version=0102". */
    private static final Pattern PERIPHERAL_ID = Pattern.compile(
            "manufacturer=(?<manufacturer>.*?) serial=(?<serial>.*?) model=(?<model>.*?) version=(?<version>[0-9A-Fa-f]{4})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReaderIdentity() {}

    /** The identity the VMC saw in this scenario, as the file holds it; empty if the reader was never asked or never answered. */
    static Optional<Map<String, String>> seenBy(RigSession session, String slug) {
        if (session.vmcIfStarted().isEmpty()) return Optional.empty();
        return session.vmcIfStarted().get().events().stream().filter(e -> e.type() == VmcEvent.Type.READER_IDENTIFIED)
                .map(VmcEvent::detail).map(PERIPHERAL_ID::matcher).filter(Matcher::find).findFirst().map(m -> {
                    Map<String, String> identity = new LinkedHashMap<>();
                    identity.put("manufacturer", m.group("manufacturer").strip());
                    identity.put("serial", m.group("serial").strip());
                    identity.put("model", m.group("model").strip());
                    identity.put("softwareVersion", "0x" + m.group("version").toUpperCase(java.util.Locale.ROOT));
                    identity.put("seenIn", slug);
                    return identity;
                });
    }

    /** Writes the file unless the report folder has it already. Returns whether this call wrote it. */
    static boolean keepOnce(Path reportDir, Map<String, String> identity) throws IOException {
        Path file = reportDir.resolve(NAME);
        if (Files.exists(file)) return false;
        Files.createDirectories(reportDir);
        Path written = Files.createTempFile(reportDir, ".reader-identity-", ".tmp");
        try {
            Files.write(written, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(identity));
            Files.createLink(file, written);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // another scenario saw the same reader first
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
