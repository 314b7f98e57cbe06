package io.wavebench.simulators.backend.api;

/**
 * One reader's settlement at a glance. {@code missingSequences} counts journal sequences below the
 * highest uploaded that never arrived: a lost sale shows here.
 *
 * @param sales ledger SALEs, {@code salesOnReset} of them booked from a RESET after approval
 * @param chargedAmount minor units charged for this reader's sales
 * @param voidedAmount minor units approved and then voided on VEND FAILURE
 */
public record SettlementReport(
        String readerId,
        long entries,
        long highestSequence,
        long missingSequences,
        long pending,
        long sales,
        long salesOnReset,
        long voids,
        long notCharged,
        long doubleSpendsFlagged,
        long chargedAmount,
        long voidedAmount) {}
