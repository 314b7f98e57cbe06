package io.wavebench.simulators.reader.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The journal in memory, for unit tests: same rules as the durable one, lost with the JVM. */
public final class InMemoryAuthorizationJournal implements AuthorizationJournal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private final Set<Long> approvalsOut = new HashSet<>();
    /** Every (credential, counter) accepted; the highest per credential feeds recovery. */
    private final Set<List<Long>> accepted = new HashSet<>();
    private final Map<Long, Long> highestAccepted = new HashMap<>();
    private long uploadedThrough;
    private boolean closed;

    @Override
    public synchronized void accepted(long credentialId, long counter, Instant at) {
        requireOpen();
        Objects.requireNonNull(at, "at");
        if (!accepted.add(List.of(credentialId, counter))) {
            throw new JournalException("in-memory journal: credential " + credentialId + " counter " + counter + " was already accepted");
        }
        highestAccepted.merge(credentialId, counter, Math::max);
    }

    @Override
    public synchronized JournalEntry authorize(long credentialId, long counter, long amount, int item, byte[] token, Instant at) {
        requireOpen();
        JournalEntry entry = new JournalEntry(entries.size() + 1, credentialId, counter, amount, item, token, Objects.requireNonNull(at), null, null);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized void conclude(long sequence, VendOutcome outcome, Instant at) {
        requireOpen();
        if (sequence < 1 || sequence > entries.size()) throw new JournalException("in-memory journal: no authorization #" + sequence);
        JournalEntry entry = entries.get((int) sequence - 1);
        if (!entry.isOpen()) throw new JournalException("in-memory journal: authorization #" + sequence + " already ended " + entry.outcome());
        entries.set((int) sequence - 1, entry.concluded(Objects.requireNonNull(outcome), Objects.requireNonNull(at)));
    }

    @Override
    public synchronized void approvalGoingOut(long sequence, Instant at) {
        requireOpen();
        if (sequence < 1 || sequence > entries.size()) throw new JournalException("in-memory journal: no authorization #" + sequence);
        if (!entries.get((int) sequence - 1).isOpen()) {
            throw new JournalException("in-memory journal: authorization #" + sequence + " already ended " + entries.get((int) sequence - 1).outcome());
        }
        if (!approvalsOut.add(sequence)) throw new JournalException("in-memory journal: approval of #" + sequence + " already went out");
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized List<JournalEntry> notUploaded() {
        return List.copyOf(entries.subList((int) uploadedThrough, entries.size()));
    }

    @Override
    public synchronized void markUploaded(long sequence, Instant at) {
        requireOpen();
        if (sequence < uploadedThrough || sequence > entries.size()) {
            throw new JournalException("in-memory journal: cannot mark #" + sequence + " uploaded (uploaded through #" + uploadedThrough
                    + ", newest #" + entries.size() + ")");
        }
        uploadedThrough = sequence;
    }

    @Override
    public synchronized JournalState recover() {
        return JournalState.of(entries, highestAccepted, approvalsOut, uploadedThrough);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) throw new JournalException("in-memory journal is closed");
    }
}
