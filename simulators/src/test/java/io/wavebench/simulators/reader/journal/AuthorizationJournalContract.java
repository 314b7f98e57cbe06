package io.wavebench.simulators.reader.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every journal backing promises (DESIGN §5.1); one subclass per backing. */
abstract class AuthorizationJournalContract {

    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    static final byte[] TOKEN = {1, 2, 3, 4};

    private AuthorizationJournal journal;

    abstract AuthorizationJournal newJournal();

    AuthorizationJournal journal() {
        if (journal == null) journal = newJournal();
        return journal;
    }

    @AfterEach
    void closeJournal() {
        if (journal != null) journal.close();
    }

    @Test
    void authorizations_get_rising_sequences_and_keep_their_token() {
        JournalEntry first = journal().authorize(1000, 1, 150, 12, TOKEN, T0);
        JournalEntry second = journal().authorize(1000, 2, 200, 13, TOKEN, T0.plusSeconds(5));
        assertEquals(1, first.sequence());
        assertEquals(2, second.sequence());
        assertTrue(first.isOpen());
        assertEquals(List.of(first, second), journal().entries());
        assertArrayEquals(TOKEN, journal().entries().get(0).token());
    }

    @Test
    void an_outcome_is_appended_once_and_a_second_is_refused_by_name() {
        JournalEntry entry = journal().authorize(1000, 1, 150, 12, TOKEN, T0);
        journal().conclude(entry.sequence(), VendOutcome.SOLD, T0.plusSeconds(3));
        JournalEntry sold = journal().entries().get(0);
        assertEquals(VendOutcome.SOLD, sold.outcome());
        assertEquals(entry.concluded(VendOutcome.SOLD, T0.plusSeconds(3)), sold, "the stored entry is the authorization with its outcome and time");
        JournalException twice = assertThrows(JournalException.class, () -> journal().conclude(entry.sequence(), VendOutcome.VOIDED, T0.plusSeconds(4)));
        assertTrue(twice.getMessage().contains("#1") && twice.getMessage().contains("already"), twice.getMessage());
        JournalException none = assertThrows(JournalException.class, () -> journal().conclude(99, VendOutcome.SOLD, T0));
        assertTrue(none.getMessage().contains("#99"), none.getMessage());
        assertEquals(VendOutcome.SOLD, journal().entries().get(0).outcome(), "the refused outcome changed nothing");
    }

    @Test
    void recovery_gives_highest_counters_spend_since_sync_and_open_vends() {
        long a = journal().authorize(1000, 5, 150, 1, TOKEN, T0).sequence();
        long b = journal().authorize(1000, 7, 200, 2, TOKEN, T0).sequence();
        long c = journal().authorize(2000, 3, 300, 3, TOKEN, T0).sequence();
        long d = journal().authorize(2000, 4, 400, 4, TOKEN, T0).sequence();
        journal().conclude(a, VendOutcome.SOLD, T0);
        journal().conclude(b, VendOutcome.VOIDED, T0);
        journal().conclude(c, VendOutcome.SOLD_ON_RESET, T0);
        JournalState state = journal().recover();
        assertEquals(Map.of(1000L, 7L, 2000L, 4L), state.highestCounters(), "a voided vend still spent its counter");
        assertEquals(Map.of(1000L, 150L, 2000L, 700L), state.spendSinceSync(), "voided is refunded; reset counts; open counts");
        assertEquals(List.of(d), state.open().stream().map(JournalEntry::sequence).toList());
        assertEquals(4, state.lastSequence());
    }

    @Test
    void an_upload_mark_starts_the_next_batch_and_the_spend_since_sync() {
        journal().authorize(1000, 1, 150, 1, TOKEN, T0);
        journal().authorize(1000, 2, 150, 1, TOKEN, T0);
        journal().markUploaded(2, T0.plusSeconds(60));
        journal().authorize(1000, 3, 100, 1, TOKEN, T0.plusSeconds(61));
        assertEquals(List.of(3L), journal().notUploaded().stream().map(JournalEntry::sequence).toList());
        assertEquals(Map.of(1000L, 100L), journal().recover().spendSinceSync());
        assertEquals(Map.of(1000L, 3L), journal().recover().highestCounters(), "counters survive a sync");
        JournalException back = assertThrows(JournalException.class, () -> journal().markUploaded(1, T0));
        assertTrue(back.getMessage().contains("uploaded through #2"), back.getMessage());
        assertThrows(JournalException.class, () -> journal().markUploaded(9, T0));
    }

    @Test
    void after_a_crash_an_open_vend_whose_approval_went_out_is_a_sale_and_one_that_did_not_is_void() {
        long out = journal().authorize(1000, 1, 150, 1, TOKEN, T0).sequence();
        long notOut = journal().authorize(1000, 2, 200, 2, TOKEN, T0).sequence();
        long ended = journal().authorize(1000, 3, 300, 3, TOKEN, T0).sequence();
        journal().approvalGoingOut(out, T0.plusMillis(30));
        journal().approvalGoingOut(ended, T0.plusMillis(30));
        journal().conclude(ended, VendOutcome.SOLD, T0.plusSeconds(2));
        JournalState state = journal().recover();
        assertEquals(List.of(out, notOut), state.open().stream().map(JournalEntry::sequence).toList());
        assertEquals(VendOutcome.SOLD_ON_RESET, state.outcomeAfterCrash(state.open().get(0)));
        assertEquals(VendOutcome.NOT_DELIVERED, state.outcomeAfterCrash(state.open().get(1)));
        JournalException twice = assertThrows(JournalException.class, () -> journal().approvalGoingOut(out, T0));
        assertTrue(twice.getMessage().contains("#" + out), twice.getMessage());
        JournalException afterEnd = assertThrows(JournalException.class, () -> journal().approvalGoingOut(ended, T0), "an ended vend sends no approval");
        assertTrue(afterEnd.getMessage().contains("#" + ended) && afterEnd.getMessage().contains("already"), afterEnd.getMessage());
        JournalException none = assertThrows(JournalException.class, () -> journal().approvalGoingOut(42, T0));
        assertTrue(none.getMessage().contains("no authorization #42"), none.getMessage());
        long fresh = journal().authorize(1000, 4, 100, 4, TOKEN, T0).sequence();
        journal().conclude(fresh, VendOutcome.VOIDED, T0.plusSeconds(3));
        assertThrows(JournalException.class, () -> journal().approvalGoingOut(fresh, T0), "ended before its approval went out: refused");
    }

    @Test
    void a_counter_accepted_but_never_authorized_is_the_one_to_beat() {
        journal().authorize(1000, 5, 150, 1, TOKEN, T0);
        journal().accepted(1000, 6, T0.plusSeconds(1));
        journal().accepted(1000, 9, T0.plusSeconds(2)); // accepted, then the reader died before a vend request
        journal().accepted(3000, 2, T0.plusSeconds(3));
        JournalState state = journal().recover();
        assertEquals(Map.of(1000L, 9L, 3000L, 2L), state.highestCounters(), "accepted counters count as spent");
        assertEquals(List.of(1L), journal().entries().stream().map(JournalEntry::sequence).toList(), "an acceptance is no authorization");
        assertEquals(Map.of(1000L, 150L), state.spendSinceSync(), "nor any spend");
        assertEquals(1, state.lastSequence());
        JournalException twice = assertThrows(JournalException.class, () -> journal().accepted(1000, 9, T0.plusSeconds(4)));
        assertTrue(twice.getMessage().contains("1000") && twice.getMessage().contains("9") && twice.getMessage().contains("already"), twice.getMessage());
        assertEquals(Map.of(1000L, 9L, 3000L, 2L), journal().recover().highestCounters(), "the refused acceptance changed nothing");
    }
}
