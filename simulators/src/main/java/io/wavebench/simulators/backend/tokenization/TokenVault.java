package io.wavebench.simulators.backend.tokenization;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.CardToken;
import io.wavebench.simulators.backend.api.TokenizeRequest;
import io.wavebench.simulators.backend.db.Database;
import io.wavebench.simulators.backend.db.Sql;
import io.wavebench.simulators.card.CardNumberRules;
import io.wavebench.simulators.card.CardScheme;
import io.wavebench.simulators.card.Expiry;
import io.wavebench.simulators.card.Pan;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The backend's tokenization endpoint (DESIGN §5.4, §5.6). It re-checks what the reader checked
 * (length, IIN, Luhn, expiry: the backend trusts no reader), then answers with a random token.
 * It stores no card number: a card is found again by an HMAC of its number under a key that
 * lives only in this object's memory (table {@code card_token}, V4).
 */
public final class TokenVault {

    private final Database db;
    private final Clock clock;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    public TokenVault(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
    }

    public CardToken tokenize(TokenizeRequest request) {
        Pan pan = Pan.of(request.pan());
        Expiry expiry;
        try {
            expiry = new Expiry(request.expiryMonth(), request.expiryYear());
        } catch (IllegalArgumentException e) {
            throw new BackendException(BackendError.INVALID_REQUEST, e.getMessage());
        }
        CardNumberRules.check(pan).ifPresent(r -> {
            throw new BackendException(BackendError.CARD_NUMBER_INVALID, "card " + pan.masked() + " refused: " + r);
        });
        if (expiry.expiredAt(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new BackendException(BackendError.CARD_EXPIRED, "card " + pan.masked() + " expired " + expiry.printed());
        }
        String fingerprint = fingerprint(pan);
        String scheme = CardScheme.ofPrefix(pan.revealDigits()).orElseThrow().name();
        return db.inTransaction("tokenizing card " + pan.masked(), c -> {
            CardToken existing = find(c, fingerprint);
            if (existing != null) return existing;
            byte[] raw = new byte[16];
            random.nextBytes(raw);
            String token = "tok_" + HexFormat.of().formatHex(raw);
            var now = clock.instant();
            Sql.update(c, "INSERT INTO card_token (token, fingerprint, masked_pan, scheme, expiry_month, expiry_year, reader_id, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", token, fingerprint, pan.masked(), scheme, expiry.month(), expiry.year(), request.readerId(), now);
            return new CardToken(token, pan.masked(), scheme, expiry.printed(), request.readerId(), true, now);
        });
    }

    /** Every token issued, oldest first: masked numbers only. */
    public List<CardToken> all() {
        return db.inTransaction("listing card tokens", c -> {
            List<CardToken> out = new ArrayList<>();
            try (PreparedStatement s = Sql.prepare(c, "SELECT token, masked_pan, scheme, expiry_month, expiry_year, reader_id, created_at FROM card_token ORDER BY created_at, token");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(row(rs, false));
            }
            return out;
        });
    }

    private static CardToken find(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement s = Sql.prepare(c, "SELECT token, masked_pan, scheme, expiry_month, expiry_year, reader_id, created_at FROM card_token WHERE fingerprint = ?", fingerprint);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? row(rs, false) : null;
        }
    }

    private static CardToken row(ResultSet rs, boolean created) throws SQLException {
        Expiry expiry = new Expiry(rs.getInt("expiry_month"), rs.getInt("expiry_year"));
        return new CardToken(rs.getString("token"), rs.getString("masked_pan"), rs.getString("scheme"), expiry.printed(), rs.getString("reader_id"),
                created, Sql.instant(rs, "created_at"));
    }

    private String fingerprint(Pan pan) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return HexFormat.of().formatHex(mac.doFinal(pan.revealDigits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
