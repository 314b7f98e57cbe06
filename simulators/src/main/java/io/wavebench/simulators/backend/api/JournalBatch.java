package io.wavebench.simulators.backend.api;

import java.util.List;

/**
 * A batch of journal entries a reader uploads at sync ({@code POST /v1/readers/{id}/journal}).
 * The whole batch is one transaction: it is taken whole or refused whole.
 */
public record JournalBatch(List<JournalEntry> entries) {

    /** Large enough for a day offline at a busy machine, small enough for one transaction. */
    public static final int MAX_ENTRIES = 10_000;

    public JournalBatch {
        if (entries == null) throw new IllegalArgumentException("entries is missing");
        if (entries.size() > MAX_ENTRIES) throw new IllegalArgumentException("a batch holds at most " + MAX_ENTRIES + " entries, got " + entries.size());
        for (JournalEntry e : entries) if (e == null) throw new IllegalArgumentException("entries holds a null");
        entries = List.copyOf(entries);
    }
}
