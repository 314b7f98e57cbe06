-- Payment barcodes and movie tickets (DESIGN §5.2, §5.5, §5.6). Same dialect rules as V1:
-- H2 2.x and PostgreSQL 15 both accept it, and every statement is idempotent.

INSERT INTO id_counter (name, last_value)
    SELECT 'barcode_slot', 99999 WHERE NOT EXISTS (SELECT 1 FROM id_counter WHERE name = 'barcode_slot');
INSERT INTO id_counter (name, last_value)
    SELECT 'barcode_authorization', 0 WHERE NOT EXISTS (SELECT 1 FROM id_counter WHERE name = 'barcode_authorization');
INSERT INTO id_counter (name, last_value)
    SELECT 'ticket_id', 7000000 WHERE NOT EXISTS (SELECT 1 FROM id_counter WHERE name = 'ticket_id');

-- A phone's barcode key: the secret its 60-second codes are made from (PaymentBarcode).
CREATE TABLE IF NOT EXISTS barcode_key (
    slot       INTEGER PRIMARY KEY,
    account_id BIGINT NOT NULL,
    secret     VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each barcode accepted, once: the UNIQUE code is what makes a code single use, across
-- backends sharing one database too. A hold is taken when the reader presents the code,
-- captured at the vend (amount, item) or released when nothing was vended.
CREATE TABLE IF NOT EXISTS barcode_authorization (
    authorization_id BIGINT PRIMARY KEY,
    code             VARCHAR(18) NOT NULL UNIQUE,
    slot             INTEGER NOT NULL REFERENCES barcode_key (slot),
    account_id       BIGINT NOT NULL,
    reader_id        VARCHAR(64) NOT NULL,
    held             BIGINT NOT NULL,
    captured         BIGINT,
    item             INTEGER,
    status           VARCHAR(16) NOT NULL,
    authorized_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at       TIMESTAMP WITH TIME ZONE
);

-- Tickets sold online, signed by the ticketing key; encoded is the ticket code (base64).
CREATE TABLE IF NOT EXISTS ticket (
    ticket_id  BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    cinema_id  BIGINT NOT NULL,
    show_start TIMESTAMP WITH TIME ZONE NOT NULL,
    seats      VARCHAR(100) NOT NULL,
    encoded    VARCHAR(400) NOT NULL,
    sold_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Redemptions as kiosks report them (at once when online, at their next sync when not). One
-- row per kiosk and ticket, so a report repeated after a lost answer changes nothing; a second
-- kiosk's row is a conflict: the same ticket printed twice.
CREATE TABLE IF NOT EXISTS ticket_redemption (
    ticket_id   BIGINT NOT NULL REFERENCES ticket (ticket_id),
    kiosk_id    VARCHAR(64) NOT NULL,
    redeemed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    conflict    BOOLEAN NOT NULL,
    PRIMARY KEY (ticket_id, kiosk_id)
);
