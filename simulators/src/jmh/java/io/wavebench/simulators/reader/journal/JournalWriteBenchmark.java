package io.wavebench.simulators.reader.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The reader's durable journal writes (DESIGN §5.1), each fsynced (SQLite WAL, synchronous=FULL)
 * before the reader may go on: the acceptance of a token heard (on the microphone thread, before
 * a session is offered) and the authorization on a VEND REQUEST (before VEND APPROVED may go out,
 * so inside the reader's answer to the VMC). Sampled, so JMH prints the
 * distribution (p50, p99, max), which is what an fsync's cost is about. A fresh journal file per
 * trial in the temp folder: point -Djava.io.tmpdir at the disk the reader uses.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JournalWriteBenchmark {

    /** One journal per trial. */
    @State(Scope.Thread)
    public static class Journal {
        Path dir;
        SqliteAuthorizationJournal journal;
        final byte[] token = new byte[201];
        long counter;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("wavebench-journal-jmh");
            journal = SqliteAuthorizationJournal.open(dir.resolve("journal.sqlite"));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            journal.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** A token heard and accepted: its counter made durable before a session is offered. */
    @Benchmark
    public long accepted(Journal j) {
        j.journal.accepted(4242, ++j.counter, Instant.now());
        return j.counter;
    }

    /** A 201-byte token authorized for a vend, as the reader writes it on a VEND REQUEST. */
    @Benchmark
    public JournalEntry authorize(Journal j) {
        return j.journal.authorize(4242, ++j.counter, 150, 12, j.token, Instant.now());
    }

}
