package io.wavebench.simulators.vmc;

/** Where the simulated vending machine is in its conversation with the cashless reader. */
public enum VmcState {
    /** Not started, or closed. */
    STOPPED,
    /** RESET, SETUP, EXPANSION ID, READER ENABLE (MDB 4.2 §7.4.1). */
    INITIALIZING,
    /** Reader enabled, no session: waiting for a shopper. */
    READY,
    /** BEGIN SESSION received: a vend may be requested. */
    SESSION,
    /** VEND REQUEST sent, awaiting approval, dispensing. */
    VENDING,
    /** SESSION COMPLETE sent, awaiting END SESSION. */
    ENDING_SESSION,
    /** The reader stopped answering; the VMC keeps trying to reset it. */
    NO_READER
}
