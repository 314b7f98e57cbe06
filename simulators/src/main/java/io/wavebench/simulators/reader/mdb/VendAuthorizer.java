package io.wavebench.simulators.reader.mdb;

/**
 * The payment side of the reader decides whether to pay for a vend. Called off the bus thread
 * (it may verify signatures and journal), so it may take its time; the VMC keeps polling and
 * gets the answer on a following POLL (MDB 4.2 §7.4.5). A thrown exception counts as a denial.
 */
@FunctionalInterface
public interface VendAuthorizer {
    VendDecision authorize(VendRequest request);
}
