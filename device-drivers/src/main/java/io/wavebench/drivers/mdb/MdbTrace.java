package io.wavebench.drivers.mdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A timestamped record of MDB bus traffic as one side saw it, for evidence and for asserting on
 * the bus (DESIGN §3: observe the reader only through interfaces a real reader has). Each entry
 * is one block or handshake word: direction, the raw words with mode bits marked, what they mean,
 * and whether the checksum held. Response times (end of a command block to the first word of
 * the answer, MDB 4.2 §3.1 t-response ≤ 5 ms) are kept apart for measurement.
 *
 * <p>Thread-safe: the bus thread records while a test or reporter reads.
 */
public final class MdbTrace {

    public enum Direction {
        VMC_TO_READER("VMC>RDR"),
        READER_TO_VMC("RDR>VMC");

        private final String arrow;

        Direction(String arrow) {
            this.arrow = arrow;
        }

        public String arrow() {
            return arrow;
        }
    }

    /** Whether a block's checksum held; NONE for handshake words (ACK/NAK/RET) and broken blocks. */
    public enum Checksum { OK, BAD, NONE }

    /** One block or word on the bus; {@code at} counts from the trace's start. */
    public record Entry(Duration at, Direction direction, int[] words, String meaning, Checksum checksum) {
        public Entry {
            words = words.clone();
        }

        @Override
        public int[] words() {
            return words.clone();
        }

        /** The raw words as hex, mode bits marked with {@code *}. */
        public String hex() {
            return MdbBlock.hex(words);
        }

        public String toText() {
            return String.format(Locale.ROOT, "%9.1f ms  %s  %-30s %s%s", at.toNanos() / 1e6, direction.arrow(), hex(), meaning,
                    checksum == Checksum.NONE ? "" : checksum == Checksum.OK ? "  [chk ok]" : "  [chk BAD]");
        }
    }

    private final long startNanos = System.nanoTime();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Duration> responseTimes = new ArrayList<>();

    public void record(Direction direction, int[] words, int count, String meaning, Checksum checksum) {
        Entry e = new Entry(Duration.ofNanos(System.nanoTime() - startNanos), direction, Arrays.copyOf(words, count), meaning, checksum);
        synchronized (this) {
            entries.add(e);
        }
    }

    public void record(Direction direction, int[] words, String meaning, Checksum checksum) {
        record(direction, words, words.length, meaning, checksum);
    }

    public synchronized void recordResponseTime(Duration commandEndToFirstWord) {
        responseTimes.add(commandEndToFirstWord);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Duration> responseTimes() {
        return List.copyOf(responseTimes);
    }

    /** One line per entry: time since the trace started (ms, 0.1 ms), direction, hex, meaning, checksum. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries()) sb.append(e.toText()).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return "MdbTrace[" + entries().size() + " entries]";
    }
}
