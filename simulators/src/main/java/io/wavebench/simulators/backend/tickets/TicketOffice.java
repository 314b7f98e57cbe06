package io.wavebench.simulators.backend.tickets;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.RedemptionReport;
import io.wavebench.simulators.backend.api.SoldTicket;
import io.wavebench.simulators.backend.api.TicketConflict;
import io.wavebench.simulators.backend.api.TicketOrder;
import io.wavebench.simulators.backend.api.TicketRedemption;
import io.wavebench.simulators.backend.api.TicketStatus;
import io.wavebench.simulators.backend.api.TicketingKey;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import io.wavebench.simulators.ticket.TicketCode;
import io.wavebench.simulators.token.Ed25519;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ticketing (DESIGN §5.5, §5.6): sells tickets to online phones, signed by the ticketing key so
 * kiosks verify them offline; is the authority on whether a ticket was redeemed when a kiosk is
 * online; takes redemption reports (at once, or at a kiosk's next sync) and flags a ticket that
 * two kiosks printed.
 */
public final class TicketOffice {

    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Database db;
    private final Clock clock;
    private final int keyId;
    private final KeyPair key;

    public TicketOffice(Database db, Clock clock, int keyId, KeyPair key) {
        this.db = db;
        this.clock = clock;
        this.keyId = keyId;
        this.key = key;
    }

    public TicketingKey ticketingKey() {
        return new TicketingKey(keyId, Ed25519.rawPublicKey(key.getPublic()));
    }

    public SoldTicket sell(TicketOrder order) {
        return db.inTransaction("selling a ticket to account " + order.accountId(), c -> {
            long ticketId = Sql.next(c, "ticket_id");
            TicketCode unsigned;
            try {
                unsigned = TicketCode.unsigned(keyId, ticketId, order.cinemaId(), order.showStart(), order.accountId(), order.seats());
            } catch (IllegalArgumentException e) {
                throw new BackendException(BackendError.INVALID_REQUEST, e.getMessage());
            }
            TicketCode signed = unsigned.withSignature(Ed25519.sign(key.getPrivate(), unsigned.signedPart()));
            byte[] code = signed.encode();
            Sql.update(c, "INSERT INTO ticket (ticket_id, account_id, cinema_id, show_start, seats, encoded, sold_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    ticketId, order.accountId(), order.cinemaId(), order.showStart(), String.join(",", order.seats()),
                    Base64.getEncoder().encodeToString(code), clock.instant());
            return new SoldTicket(ticketId, code);
        });
    }

    public TicketStatus status(long ticketId) {
        return db.inTransaction("reading ticket " + ticketId, c -> {
            try (PreparedStatement s = Sql.prepare(c, "SELECT * FROM ticket WHERE ticket_id = ?", ticketId); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new BackendException(BackendError.UNKNOWN_TICKET, "no ticket " + ticketId + " was sold here");
                return new TicketStatus(ticketId, rs.getLong("account_id"), rs.getLong("cinema_id"), Sql.instant(rs, "show_start"),
                        Arrays.asList(rs.getString("seats").split(",")), redemptions(c, ticketId));
            }
        });
    }

    /** Records a kiosk's redemption; the same kiosk reporting again changes nothing; another kiosk's is a conflict. */
    public TicketRedemption redeem(long ticketId, RedemptionReport report) {
        if (!KIOSK_ID.matcher(report.kioskId()).matches()) {
            throw new BackendException(BackendError.INVALID_REQUEST, "kiosk id must be 1 to 64 of A-Z a-z 0-9 . _ -, got '" + report.kioskId() + "'");
        }
        return db.inTransaction("recording kiosk " + report.kioskId() + "'s redemption of ticket " + ticketId, c -> {
            // Lock the ticket row: two kiosks syncing at once are ordered, and exactly one is first.
            try (PreparedStatement s = Sql.prepare(c, "SELECT ticket_id FROM ticket WHERE ticket_id = ? FOR UPDATE", ticketId); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new BackendException(BackendError.UNKNOWN_TICKET, "no ticket " + ticketId + " was sold here");
            }
            List<TicketRedemption> before = redemptions(c, ticketId);
            for (TicketRedemption r : before) if (r.kioskId().equals(report.kioskId())) return r;
            boolean conflict = !before.isEmpty();
            TicketRedemption r = new TicketRedemption(ticketId, report.kioskId(), report.redeemedAt(), clock.instant(), conflict);
            Sql.update(c, "INSERT INTO ticket_redemption (ticket_id, kiosk_id, redeemed_at, reported_at, conflict) VALUES (?, ?, ?, ?, ?)",
                    ticketId, r.kioskId(), r.redeemedAt(), r.reportedAt(), conflict);
            return r;
        });
    }

    /** Every ticket redeemed at more than one kiosk. */
    public List<TicketConflict> conflicts() {
        return db.inTransaction("listing ticket conflicts", c -> {
            Map<Long, List<TicketRedemption>> byTicket = new LinkedHashMap<>();
            try (PreparedStatement s = Sql.prepare(c, "SELECT DISTINCT ticket_id FROM ticket_redemption WHERE conflict = TRUE ORDER BY ticket_id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) byTicket.put(rs.getLong(1), null);
            }
            List<TicketConflict> out = new ArrayList<>();
            for (Long id : byTicket.keySet()) out.add(new TicketConflict(id, redemptions(c, id)));
            return out;
        });
    }

    private static List<TicketRedemption> redemptions(Connection c, long ticketId) throws SQLException {
        List<TicketRedemption> out = new ArrayList<>();
        try (PreparedStatement s = Sql.prepare(c, "SELECT * FROM ticket_redemption WHERE ticket_id = ? ORDER BY reported_at, kiosk_id", ticketId);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new TicketRedemption(ticketId, rs.getString("kiosk_id"), Sql.instant(rs, "redeemed_at"), Sql.instant(rs, "reported_at"),
                        rs.getBoolean("conflict")));
            }
        }
        return out;
    }
}
