package io.wavebench.drivers.escpos;

/** What a kiosk needs to know about its printer, from {@link PrinterStatus#state()}. */
public enum PrinterState {
    /** Online with paper (possibly near its end). */
    READY,
    /** The roll is empty, or printing stopped at its end. */
    PAPER_OUT,
    /** The paper cover is open. */
    COVER_OPEN,
    /** An error: cutter jam, head overheat, or worse. */
    ERROR,
    /** Offline for another reason (e.g. the feed button is held, or waiting for recovery). */
    OFFLINE
}
