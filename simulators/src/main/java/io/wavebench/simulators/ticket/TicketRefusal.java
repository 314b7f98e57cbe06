package io.wavebench.simulators.ticket;

import io.wavebench.simulators.refusal.Refusal;

/**
 * Why a kiosk did not print a ticket (DESIGN §5.5). Each has its own code and the short text the
 * kiosk shows, {@code REFUSED 31 ALREADY REDEEMED}.
 */
public enum TicketRefusal implements Refusal {
    MALFORMED(0x30, "malformed ticket", "MALFORMED"),
    UNKNOWN_KEY(0x31, "unknown ticketing key", "UNKNOWN KEY"),
    FORGED(0x32, "forged ticket", "FORGED"),
    OTHER_CINEMA(0x33, "ticket for another cinema", "OTHER CINEMA"),
    SHOW_OVER(0x34, "show is over", "SHOW OVER"),
    ALREADY_REDEEMED(0x35, "already redeemed", "ALREADY REDEEMED"),
    PAPER_OUT(0x36, "printer out of paper", "PAPER OUT, NOTHING REDEEMED"),
    PRINTER_NOT_READY(0x37, "printer not ready", "PRINTER NOT READY, NOTHING REDEEMED");

    private final int code;
    private final String description;
    private final String label;

    TicketRefusal(int code, String description, String label) {
        this.code = code;
        this.description = description;
        this.label = label;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }

    /** The refusal's words without its code: what a kiosk says when there is no more to say ({@code ALREADY REDEEMED}). */
    public String label() {
        return label;
    }

    @Override
    public String displayText() {
        return String.format("REFUSED %02X %s", code, label);
    }
}
