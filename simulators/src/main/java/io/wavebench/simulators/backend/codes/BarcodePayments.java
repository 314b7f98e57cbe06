package io.wavebench.simulators.backend.codes;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.BarcodeAuthorization;
import io.wavebench.simulators.backend.api.BarcodeAuthorizeRequest;
import io.wavebench.simulators.backend.api.BarcodeCapture;
import io.wavebench.simulators.backend.api.BarcodeKey;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import io.wavebench.simulators.token.PaymentBarcode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;

/**
 * Barcode payments, verified online (DESIGN §5.2): the backend hands an online phone a barcode
 * key; the phone makes a code from it every minute; a reader presents a code it read and gets a
 * hold, which it captures at the vend or releases. A code is good in the minute it was made and
 * the next (so one shown at second 59 still pays), and only once: the code column is UNIQUE, so
 * two readers presenting it at once cannot both win, even through two backends on one database.
 */
public final class BarcodePayments {

    /** How many past minutes are recognised as an expired code rather than an unknown one. */
    private static final int EXPIRED_LOOKBACK_STEPS = 24 * 60;

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public BarcodePayments(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public BarcodeKey enroll(long accountId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return db.inTransaction("enrolling a barcode key for account " + accountId, c -> {
            int slot = (int) Sql.next(c, "barcode_slot");
            if (slot > PaymentBarcode.MAX_SLOT) throw new BackendException(BackendError.INVALID_REQUEST, "every barcode slot is taken");
            Sql.update(c, "INSERT INTO barcode_key (slot, account_id, secret, created_at) VALUES (?, ?, ?, ?)",
                    slot, accountId, Base64.getEncoder().encodeToString(secret), clock.instant());
            return new BarcodeKey(slot, accountId, secret);
        });
    }

    public BarcodeAuthorization authorize(BarcodeAuthorizeRequest request) {
        String code = request.code();
        int slot = PaymentBarcode.slotOf(code);
        if (slot < 0) throw new BackendException(BackendError.BARCODE_UNKNOWN, "'" + printable(code) + "' is not 18 digits starting 28");
        return db.inTransaction("authorizing barcode " + code, c -> {
            long accountId;
            byte[] secret;
            try (PreparedStatement s = Sql.prepare(c, "SELECT account_id, secret FROM barcode_key WHERE slot = ?", slot); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new BackendException(BackendError.BARCODE_UNKNOWN, "barcode " + code + " names slot " + slot + ", which no phone holds");
                accountId = rs.getLong("account_id");
                secret = Base64.getDecoder().decode(rs.getString("secret"));
            }
            long now = PaymentBarcode.step(clock.instant());
            if (!code.equals(PaymentBarcode.code(slot, secret, now)) && !code.equals(PaymentBarcode.code(slot, secret, now - 1))) {
                for (long step = now - 2; step > now - EXPIRED_LOOKBACK_STEPS; step--) {
                    if (code.equals(PaymentBarcode.code(slot, secret, step))) {
                        throw new BackendException(BackendError.BARCODE_EXPIRED, "barcode " + code + " was made " + (now - step) + " minutes ago; codes last "
                                + PaymentBarcode.STEP_SECONDS + " s");
                    }
                }
                throw new BackendException(BackendError.BARCODE_UNKNOWN, "barcode " + code + " is not a code of slot " + slot + " for the last day");
            }
            BarcodeAuthorization used = find(c, "code", code);
            if (used != null) {
                throw new BackendException(BackendError.BARCODE_ALREADY_USED, "barcode " + code + " was accepted at " + used.authorizedAt()
                        + " from reader " + used.readerId() + " (authorization " + used.authorizationId() + ")");
            }
            long id = Sql.next(c, "barcode_authorization");
            var at = clock.instant();
            Sql.update(c, "INSERT INTO barcode_authorization (authorization_id, code, slot, account_id, reader_id, held, status, authorized_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'HELD', ?)", id, code, slot, accountId, request.readerId(), request.amount(), at);
            return new BarcodeAuthorization(id, code, accountId, request.readerId(), request.amount(), null, null, "HELD", at);
        });
    }

    public BarcodeAuthorization capture(long authorizationId, BarcodeCapture capture) {
        return db.inTransaction("capturing barcode authorization " + authorizationId, c -> {
            BarcodeAuthorization held = requireHeld(c, authorizationId);
            if (capture.amount() > held.held()) {
                throw new BackendException(BackendError.OVER_HOLD, "capture of " + capture.amount() + " over the hold of " + held.held());
            }
            Sql.update(c, "UPDATE barcode_authorization SET status = 'CAPTURED', captured = ?, item = ?, settled_at = ? WHERE authorization_id = ?",
                    capture.amount(), capture.item(), clock.instant(), authorizationId);
            return find(c, "authorization_id", authorizationId);
        });
    }

    public BarcodeAuthorization release(long authorizationId) {
        return db.inTransaction("releasing barcode authorization " + authorizationId, c -> {
            requireHeld(c, authorizationId);
            Sql.update(c, "UPDATE barcode_authorization SET status = 'RELEASED', settled_at = ? WHERE authorization_id = ?", clock.instant(), authorizationId);
            return find(c, "authorization_id", authorizationId);
        });
    }

    public BarcodeAuthorization get(long authorizationId) {
        return db.inTransaction("reading barcode authorization " + authorizationId, c -> {
            BarcodeAuthorization a = find(c, "authorization_id", authorizationId);
            if (a == null) throw new BackendException(BackendError.AUTHORIZATION_UNKNOWN, "no barcode authorization " + authorizationId);
            return a;
        });
    }

    /** The authorization a code was accepted under. */
    public BarcodeAuthorization byCode(String code) {
        return db.inTransaction("reading the authorization of barcode " + code, c -> {
            BarcodeAuthorization a = find(c, "code", code);
            if (a == null) throw new BackendException(BackendError.AUTHORIZATION_UNKNOWN, "barcode " + code + " was never accepted");
            return a;
        });
    }

    private BarcodeAuthorization requireHeld(Connection c, long id) throws SQLException {
        BarcodeAuthorization a = find(c, "authorization_id", id);
        if (a == null || !a.status().equals("HELD")) {
            throw new BackendException(BackendError.AUTHORIZATION_UNKNOWN, "barcode authorization " + id + (a == null ? " was never given" : " is " + a.status()));
        }
        return a;
    }

    private static BarcodeAuthorization find(Connection c, String column, Object value) throws SQLException {
        try (PreparedStatement s = Sql.prepare(c, "SELECT * FROM barcode_authorization WHERE " + column + " = ?", value); ResultSet rs = s.executeQuery()) {
            if (!rs.next()) return null;
            int item = rs.getInt("item");
            Integer itemOrNull = rs.wasNull() ? null : item;
            return new BarcodeAuthorization(rs.getLong("authorization_id"), rs.getString("code"), rs.getLong("account_id"), rs.getString("reader_id"),
                    rs.getLong("held"), Sql.nullableLong(rs, "captured"), itemOrNull, rs.getString("status"), Sql.instant(rs, "authorized_at"));
        }
    }

    private static String printable(String s) {
        return s.codePoints().limit(40).collect(StringBuilder::new, (b, ch) -> b.append(ch >= 0x20 && ch < 0x7F ? Character.toString(ch) : "?"), StringBuilder::append).toString();
    }
}
