package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts a run records so a result can be traced: the commit, the reader's identity, whether figures gate. */
class RunFactsTest {

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@example.org"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    @Test
    void the_commit_is_the_short_head_and_dirty_when_the_checkout_has_changes(@TempDir Path dir) throws Exception {
        assertEquals("unknown", RunFacts.commit(dir), "no checkout");
        git(dir, "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "a");
        git(dir, "add", "a.txt");
        git(dir, "commit", "-q", "-m", "a");
        String clean = RunFacts.commit(dir);
        assertTrue(clean.matches("[0-9a-f]{7,}"), clean);
        Files.writeString(dir.resolve("a.txt"), "b");
        assertEquals(clean + "-dirty", RunFacts.commit(dir));
    }

    @Test
    void the_reader_is_named_as_its_expansion_id_said_or_unknown(@TempDir Path dir) throws Exception {
        assertEquals("unknown", RunFacts.reader(dir));
        Files.writeString(dir.resolve("reader-identity.json"),
                "{\"manufacturer\":\"ACM\",\"serial\":\"000000000001\",\"model\":\"WAVEBENCH-RDR\",\"softwareVersion\":\"0x0102\",\"seenIn\":\"mdb-L5-x\"}");
        assertEquals("manufacturer ACM, serial 000000000001, model WAVEBENCH-RDR, software 0x0102", RunFacts.reader(dir));
    }

}
