package io.wavebench.simulators.reader.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAuthorizationJournalTest extends AuthorizationJournalContract {

    @TempDir
    Path dir;

    @Override
    AuthorizationJournal newJournal() {
        return SqliteAuthorizationJournal.open(dir.resolve("journal.db"));
    }

    @Test
    void entries_survive_closing_and_reopening() {
        Path file = dir.resolve("reopen.db");
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            long s = journal.authorize(1000, 1, 150, 12, TOKEN, T0).sequence();
            journal.conclude(s, VendOutcome.SOLD, T0.plusSeconds(2));
            journal.authorize(1000, 2, 150, 12, TOKEN, T0.plusSeconds(3));
        }
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            assertEquals(2, journal.entries().size());
            assertEquals(VendOutcome.SOLD, journal.entries().get(0).outcome());
            assertEquals(3, journal.authorize(1000, 3, 150, 12, TOKEN, T0.plusSeconds(4)).sequence());
        }
    }

    @Test
    void an_accepted_counter_never_authorized_survives_reopening_and_is_the_one_to_beat() {
        Path file = dir.resolve("accepted.db");
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            journal.authorize(1000, 4, 150, 12, TOKEN, T0);
            journal.accepted(1000, 5, T0.plusSeconds(1)); // no vend follows: the reader dies here
        }
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            assertEquals(Map.of(1000L, 5L), journal.recover().highestCounters());
            assertEquals(1, journal.entries().size(), "the acceptance is no entry to settle");
            assertThrows(JournalException.class, () -> journal.accepted(1000, 5, T0.plusSeconds(2)), "accepted once, across restarts");
        }
    }

    /**
     * A journal left by an older reader (schema 1: authorizations, outcomes, uploads; schema 2:
     * plus approvals going out) opens as version 3 with every row kept, and takes acceptances.
     */
    @Test
    void journals_of_schema_1_and_2_are_upgraded_to_3_keeping_every_row() throws Exception {
        for (int old = 1; old <= 2; old++) {
            Path file = dir.resolve("schema-" + old + ".db");
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = db.createStatement()) {
                SqliteAuthorizationJournal.migrate(s, 0, old);
                s.execute("INSERT INTO authorization (credential_id, counter, amount, item, token, authorized_at) VALUES (1000, 7, 150, 12, x'01020304', '"
                        + T0 + "')");
                s.execute("INSERT INTO authorization (credential_id, counter, amount, item, token, authorized_at) VALUES (1000, 8, 200, 13, x'01020304', '"
                        + T0 + "')");
                s.execute("INSERT INTO outcome (sequence, outcome, concluded_at) VALUES (1, 'SOLD', '" + T0.plusSeconds(2) + "')");
                if (old == 2) s.execute("INSERT INTO approval_out (sequence, sent_at) VALUES (2, '" + T0.plusSeconds(3) + "')");
            }
            try (SqliteAuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
                assertEquals(SqliteAuthorizationJournal.SCHEMA_VERSION, userVersion(file));
                List<JournalEntry> entries = journal.entries();
                assertEquals(2, entries.size(), "schema " + old + ": " + entries);
                assertEquals(VendOutcome.SOLD, entries.get(0).outcome());
                JournalState state = journal.recover();
                assertEquals(Map.of(1000L, 8L), state.highestCounters());
                assertEquals(old == 2 ? VendOutcome.SOLD_ON_RESET : VendOutcome.NOT_DELIVERED, state.outcomeAfterCrash(state.open().get(0)),
                        "schema " + old + ": the approval mark kept");
                journal.accepted(1000, 9, T0.plusSeconds(4));
            }
            try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
                assertEquals(Map.of(1000L, 9L), journal.recover().highestCounters(), "schema " + old + " upgraded takes acceptances");
            }
        }
    }

    @Test
    void a_journal_of_a_newer_schema_is_refused_by_name() throws Exception {
        Path file = dir.resolve("newer.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = db.createStatement()) {
            s.execute("PRAGMA user_version=" + (SqliteAuthorizationJournal.SCHEMA_VERSION + 1));
        }
        JournalException e = assertThrows(JournalException.class, () -> SqliteAuthorizationJournal.open(file));
        assertTrue(e.getMessage().contains("schema version " + (SqliteAuthorizationJournal.SCHEMA_VERSION + 1)), e.getMessage());
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
    }

    @Test
    void a_file_that_is_not_a_journal_is_refused_by_name() throws Exception {
        Path file = dir.resolve("not-a-journal.db");
        Files.writeString(file, "this is a text file, not a database".repeat(100));
        JournalException e = assertThrows(JournalException.class, () -> SqliteAuthorizationJournal.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    /**
     * DESIGN §5.1, "made durable before VEND APPROVED": another JVM journals as fast as it can and
     * prints each sequence once {@code authorize} or {@code conclude} returned; it is killed with
     * SIGKILL at a random moment. Everything it printed must be in the journal, whole, and the
     * journal must open and go on with the next sequence.
     */
    @Test
    void every_record_that_returned_survives_sigkill_of_the_writing_process() throws Exception {
        Random random = new Random(2026);
        int kills = 8;
        int confirmedTotal = 0;
        for (int k = 0; k < kills; k++) {
            Path file = dir.resolve("killed-" + k + ".db");
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JournalCrashWriter.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Set<Long> authorized = new HashSet<>();
            Set<Long> concluded = new HashSet<>();
            int stopAfter = 20 + random.nextInt(200);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = out.readLine()) != null) {
                    long sequence = Long.parseLong(line.substring(2));
                    (line.charAt(0) == 'A' ? authorized : concluded).add(sequence);
                    if (authorized.size() + concluded.size() >= stopAfter) {
                        writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
                        break;
                    }
                }
            }
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS), "the writer died");
            try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
                List<JournalEntry> entries = journal.entries();
                Set<Long> present = new HashSet<>();
                for (JournalEntry e : entries) {
                    present.add(e.sequence());
                    assertEquals(JournalCrashWriter.CREDENTIAL, e.credentialId(), "a whole record: " + e);
                    assertEquals(e.sequence(), e.counter(), "a whole record: " + e);
                }
                assertTrue(present.containsAll(authorized), "authorizations confirmed before the kill are all there");
                for (long s : concluded) {
                    assertEquals(VendOutcome.SOLD, entries.get((int) s - 1).outcome(), "confirmed outcome of #" + s);
                }
                long next = journal.authorize(JournalCrashWriter.CREDENTIAL, 0, 1, 1, TOKEN, T0).sequence();
                assertEquals(entries.size() + 1, next, "the journal goes on after the crash");
            }
            confirmedTotal += authorized.size() + concluded.size();
        }
        System.out.printf("journal crash test: %d SIGKILLs, %d confirmed records, all present and whole%n", kills, confirmedTotal);
    }
}
