package io.wavebench.simulators.backend.tickets;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.KioskRefusal;
import io.wavebench.simulators.backend.api.RefusalReport;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What kiosks refused (DESIGN §5.5): each refusal a kiosk reports, at once when it is online and
 * at its next sync when not, kept so an operator (and a scenario) sees why a shopper got no
 * ticket without looking at the kiosk's screen. A report is stored once per report id.
 */
public final class KioskRefusals {

    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Database db;
    private final Clock clock;

    public KioskRefusals(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records a refusal; the same report again returns what was stored first. */
    public KioskRefusal report(String kioskId, RefusalReport report) {
        requireKioskId(kioskId);
        return db.inTransaction("recording kiosk " + kioskId + "'s refusal " + report.reportId(), c -> {
            KioskRefusal stored = find(c, report.reportId());
            if (stored != null) {
                if (!stored.kioskId().equals(kioskId)) {
                    throw new BackendException(BackendError.INVALID_REQUEST, "refusal report " + report.reportId() + " was made by kiosk " + stored.kioskId() + ", not " + kioskId);
                }
                return stored;
            }
            KioskRefusal r = new KioskRefusal(report.reportId(), kioskId, report.ticketId(), report.refusal(), report.code(), report.said(),
                    report.refusedAt(), clock.instant());
            Sql.update(c, "INSERT INTO kiosk_refusal (report_id, kiosk_id, ticket_id, refusal, code, said, refused_at, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    r.reportId(), r.kioskId(), r.ticketId(), r.refusal(), r.code(), r.said(), r.refusedAt(), r.reportedAt());
            return r;
        });
    }

    /** A kiosk's refusals in the order they reached the backend; only those of {@code ticketId} when it is given. */
    public List<KioskRefusal> of(String kioskId, Long ticketId) {
        requireKioskId(kioskId);
        return db.inTransaction("listing kiosk " + kioskId + "'s refusals", c -> {
            String sql = "SELECT * FROM kiosk_refusal WHERE kiosk_id = ?" + (ticketId == null ? "" : " AND ticket_id = ?") + " ORDER BY reported_at, report_id";
            List<KioskRefusal> out = new ArrayList<>();
            try (PreparedStatement s = ticketId == null ? Sql.prepare(c, sql, kioskId) : Sql.prepare(c, sql, kioskId, ticketId); ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        });
    }

    private static KioskRefusal find(Connection c, String reportId) throws SQLException {
        try (PreparedStatement s = Sql.prepare(c, "SELECT * FROM kiosk_refusal WHERE report_id = ?", reportId); ResultSet rs = s.executeQuery()) {
            return rs.next() ? read(rs) : null;
        }
    }

    private static KioskRefusal read(ResultSet rs) throws SQLException {
        return new KioskRefusal(rs.getString("report_id"), rs.getString("kiosk_id"), Sql.nullableLong(rs, "ticket_id"), rs.getString("refusal"),
                rs.getInt("code"), rs.getString("said"), Sql.instant(rs, "refused_at"), Sql.instant(rs, "reported_at"));
    }

    private static void requireKioskId(String kioskId) {
        if (!KIOSK_ID.matcher(kioskId).matches()) {
            throw new BackendException(BackendError.INVALID_REQUEST, "kiosk id must be 1 to 64 of A-Z a-z 0-9 . _ -, got '" + kioskId + "'");
        }
    }
}
