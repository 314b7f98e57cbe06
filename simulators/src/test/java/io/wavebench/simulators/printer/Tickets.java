package io.wavebench.simulators.printer;

import io.wavebench.drivers.escpos.EscPosWriter;
import io.wavebench.drivers.escpos.Justification;
import java.util.List;

/** A movie ticket as a kiosk would print it (DESIGN §5.5), built from its fields. */
record Tickets(String ticketId, String cinema, String film, String show, List<String> seats) {

    static Tickets sample() {
        return new Tickets("T-000042", "CINEMA 7", "Dune: Part Three", "Sat 28 Nov 21:30  Screen 4", List.of("G12", "G13"));
    }

    String qrPayload() {
        return "WBT1|" + ticketId + "|" + cinema.replace(' ', '_') + "|" + String.join(",", seats);
    }

    EscPosWriter writer() {
        return new EscPosWriter().initialize()
                .align(Justification.CENTER).size(2, 2).bold(true).line(cinema).bold(false).size(1, 1)
                .line(film).underline(1).line(show).underline(0)
                .align(Justification.LEFT).line("Seats " + String.join(" ", seats)).feed(1)
                .align(Justification.CENTER).qr(qrPayload())
                .align(Justification.RIGHT).line("ticket " + ticketId)
                .cut();
    }

    byte[] bytes() {
        return writer().toBytes();
    }

    /** The non-blank lines the printer should show, in order. */
    List<String> expectedLines() {
        return List.of(cinema, film, show, "Seats " + String.join(" ", seats), "ticket " + ticketId);
    }
}
