-- Card tokenization (DESIGN §5.4, §5.6). The full card number is never stored (PCI DSS 3.4):
-- a card is known by a keyed fingerprint (HMAC-SHA256 under a key the backend holds only in
-- memory), its masked number (first 6, last 4), scheme and expiry. The token is what readers keep.
-- Same SQL for H2 2.x and PostgreSQL 15; idempotent like V1.
CREATE TABLE IF NOT EXISTS card_token (
    token          VARCHAR(40) PRIMARY KEY,
    fingerprint    VARCHAR(64) NOT NULL UNIQUE,
    masked_pan     VARCHAR(19) NOT NULL,
    scheme         VARCHAR(16) NOT NULL,
    expiry_month   INTEGER NOT NULL,
    expiry_year    INTEGER NOT NULL,
    reader_id      VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
