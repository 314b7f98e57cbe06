package io.wavebench.simulators.backend.api;

import java.util.List;

/**
 * A reader's sync in one request ({@code POST /v1/readers/{id}/sync}, DESIGN §5.6): its journal
 * entries beyond its last upload, and its revocation cursor.
 */
public record SyncRequest(List<JournalEntry> entries, long revocationsSince) {
    public SyncRequest {
        if (entries == null) throw new IllegalArgumentException("entries is missing");
        if (revocationsSince < 0) throw new IllegalArgumentException("revocationsSince must be 0 or more, got " + revocationsSince);
        entries = List.copyOf(entries);
    }
}
