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
 * a session is offered), the authorization on a VEND REQUEST (before VEND APPROVED may go out, so
 * inside the reader's answer to the VMC) and the vend's conclusion. Sampled, so JMH prints the
 * distribution (p50, p99, max), which is what an fsync's cost is about. A fresh journal file per
 * trial in the temp folder: point -Djava.io.tmpdir at the disk the reader uses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JournalWriteBenchmark {

    private Path dir;
    private SqliteAuthorizationJournal journal;
    private final byte[] token = new byte[201];
    private long counter;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("wavebench-journal-jmh");
        journal = SqliteAuthorizationJournal.open(dir.resolve("journal.sqlite"));
    }

    /** A token heard and accepted: its counter made durable before a session is offered. */
    @Benchmark
    public long accepted() {
        journal.accepted(4242, ++counter, Instant.now());
        return counter;
    }

    /** A 201-byte token authorized for a vend, as the reader writes it on a VEND REQUEST. */
    @Benchmark
    public JournalEntry authorize() {
        return journal.authorize(4242, ++counter, 150, 12, token, Instant.now());
    }

    /** An authorization to conclude, written before each call, outside the timed part. */
    @State(Scope.Thread)
    public static class Authorized {
        long sequence;

        @Setup(Level.Invocation)
        public void authorize(JournalWriteBenchmark bench) {
            sequence = bench.journal.authorize(4343, ++bench.counter, 150, 12, bench.token, Instant.now()).sequence();
        }
    }

    /** The vend's outcome (VEND SUCCESS: sold) recorded against its authorization. */
    @Benchmark
    public long conclude(Authorized vend) {
        journal.conclude(vend.sequence, VendOutcome.SOLD, Instant.now());
        return vend.sequence;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
