package io.wavebench.simulators.reader.journal;

import io.wavebench.drivers.timing.Latencies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Prints how long a durable (fsynced) acceptance and authorization take — what the reader adds
 * between hearing a token and offering a session (on the microphone thread), and between a vend
 * request and VEND APPROVED (DESIGN §5.1). Not a test: run by hand, e.g.
 * {@code java -cp simulators/target/classes:simulators/target/test-classes:<sqlite-jdbc jar>
 * io.wavebench.simulators.reader.journal.JournalLatencyBench [count] [dir]}.
 */
public final class JournalLatencyBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("wavebench-journal-bench");
        Path file = dir.resolve("bench-" + System.nanoTime() + ".db");
        long[] accept = new long[count];
        long[] authorize = new long[count];
        long[] conclude = new long[count];
        try (SqliteAuthorizationJournal journal = SqliteAuthorizationJournal.open(file)) {
            byte[] token = new byte[201];
            for (int i = 0; i < count; i++) {
                long ta = System.nanoTime();
                journal.accepted(4242, i + 1, Instant.now());
                long t0 = System.nanoTime();
                accept[i] = t0 - ta;
                JournalEntry e = journal.authorize(4242, i + 1, 150, 12, token, Instant.now());
                long t1 = System.nanoTime();
                journal.conclude(e.sequence(), VendOutcome.SOLD, Instant.now());
                long t2 = System.nanoTime();
                authorize[i] = t1 - t0;
                conclude[i] = t2 - t1;
            }
        }
        System.out.printf(Locale.ROOT, "journal latency, %d records in %s (SQLite WAL, synchronous=FULL):%n", count, file);
        print("accepted ", accept);
        print("authorize", authorize);
        print("conclude ", conclude);
    }

    private static void print(String what, long[] nanos) {
        Latencies l = Latencies.ofNanos(nanos);
        System.out.printf(Locale.ROOT, "  %s p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", what, l.percentileMs(50), l.percentileMs(99), l.maxMs());
    }
}
