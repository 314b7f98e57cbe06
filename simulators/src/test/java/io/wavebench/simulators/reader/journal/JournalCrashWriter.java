package io.wavebench.simulators.reader.journal;

import java.nio.file.Path;
import java.time.Instant;

/** The process {@link SqliteAuthorizationJournalTest} kills: journals forever, confirming each record on stdout. */
public final class JournalCrashWriter {

    static final long CREDENTIAL = 4242;

    public static void main(String[] args) {
        try (AuthorizationJournal journal = SqliteAuthorizationJournal.open(Path.of(args[0]))) {
            byte[] token = new byte[201];
            for (long n = 1; ; n++) {
                Instant now = Instant.now();
                JournalEntry entry = journal.authorize(CREDENTIAL, n, 150, 12, token, now);
                System.out.println("A " + entry.sequence());
                System.out.flush();
                if (n % 2 == 0) {
                    journal.conclude(entry.sequence(), VendOutcome.SOLD, now);
                    System.out.println("O " + entry.sequence());
                    System.out.flush();
                }
            }
        }
    }
}
