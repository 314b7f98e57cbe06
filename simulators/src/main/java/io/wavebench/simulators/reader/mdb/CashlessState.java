package io.wavebench.simulators.reader.mdb;

/** The cashless device's states (MDB 4.2 §7.2, Level 1: REVALUE and NEGATIVE VEND are not modelled). */
public enum CashlessState {
    /** After power-up or RESET, until the VMC's SETUP. */
    INACTIVE,
    /** Set up; not accepting payment media until READER ENABLE. */
    DISABLED,
    /** Waiting for a shopper's payment. */
    ENABLED,
    /** A session is open (BEGIN SESSION sent): the VMC may request vends. */
    SESSION_IDLE,
    /** A vend is in progress: VEND REQUEST until VEND SUCCESS/FAILURE or VEND DENIED (uninterruptible). */
    VEND
}
