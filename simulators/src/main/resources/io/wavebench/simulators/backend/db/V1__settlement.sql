-- Settlement schema (DESIGN §5.1 settlement, §5.6). Written in the SQL that H2 2.x and
-- PostgreSQL 15 both accept. Every statement is idempotent (IF NOT EXISTS, WHERE NOT EXISTS):
-- H2 commits DDL implicitly, so a migration cut short there is finished by running it again.

-- Readers known to settlement: an upload from any other reader id is refused (UNKNOWN_READER).
CREATE TABLE IF NOT EXISTS reader (
    reader_id     VARCHAR(64) PRIMARY KEY,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Named counters, advanced with UPDATE ... SET last_value = last_value + 1 inside the writer's
-- transaction: the row lock orders writers, so revocation versions commit in order (a reader
-- syncing "since N" can never skip one that commits late) and credential ids never repeat.
CREATE TABLE IF NOT EXISTS id_counter (
    name       VARCHAR(32) PRIMARY KEY,
    last_value BIGINT NOT NULL
);
INSERT INTO id_counter (name, last_value)
    SELECT 'credential_id', 999999 WHERE NOT EXISTS (SELECT 1 FROM id_counter WHERE name = 'credential_id');
INSERT INTO id_counter (name, last_value)
    SELECT 'revocation_version', 0 WHERE NOT EXISTS (SELECT 1 FROM id_counter WHERE name = 'revocation_version');

-- Credentials this issuer signed (DESIGN §5.1 layout, kept whole as base64 for refresh checks).
CREATE TABLE IF NOT EXISTS credential (
    credential_id     BIGINT PRIMARY KEY,
    account_id        BIGINT NOT NULL,
    issuer_key_id     INTEGER NOT NULL,
    not_before        BIGINT NOT NULL,
    not_after         BIGINT NOT NULL,
    offline_limit     BIGINT NOT NULL,
    currency          INTEGER NOT NULL,
    encoded           VARCHAR(200) NOT NULL,
    replaces          BIGINT,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The revocation list readers pull at their next sync: "since version N" is their cursor.
CREATE TABLE IF NOT EXISTS revocation (
    version       BIGINT PRIMARY KEY,
    credential_id BIGINT NOT NULL UNIQUE,
    reason        VARCHAR(32) NOT NULL,
    detail        VARCHAR(500) NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each reader's journal, one row per authorization, keyed like the reader's own journal. The
-- outcome starts PENDING and is set once (SUCCESS, FAILURE, RESET_AS_SALE); the other columns
-- never change after the first upload.
CREATE TABLE IF NOT EXISTS journal_entry (
    reader_id     VARCHAR(64) NOT NULL REFERENCES reader (reader_id),
    sequence      BIGINT NOT NULL,
    credential_id BIGINT NOT NULL,
    counter       BIGINT NOT NULL,
    amount        BIGINT NOT NULL,
    item          INTEGER NOT NULL,
    authorized_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    outcome_at    TIMESTAMP WITH TIME ZONE,
    double_spend  BOOLEAN NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reader_id, sequence),
    CONSTRAINT journal_entry_outcome CHECK (outcome IN ('PENDING', 'SUCCESS', 'FAILURE', 'RESET_AS_SALE'))
);
CREATE INDEX IF NOT EXISTS journal_entry_token ON journal_entry (credential_id, counter);

-- The first authorization seen for a token (credential, counter). A second one, at any reader,
-- finds this row taken: a double spend. The primary key is what makes that exact under
-- concurrent uploads; the loser's transaction is retried and then sees the winner.
CREATE TABLE IF NOT EXISTS token_claim (
    credential_id BIGINT NOT NULL,
    counter       BIGINT NOT NULL,
    reader_id     VARCHAR(64) NOT NULL,
    sequence      BIGINT NOT NULL,
    PRIMARY KEY (credential_id, counter)
);

-- Double spends flagged: the later authorization and the one that claimed the token first.
CREATE TABLE IF NOT EXISTS double_spend (
    reader_id       VARCHAR(64) NOT NULL,
    sequence        BIGINT NOT NULL,
    credential_id   BIGINT NOT NULL,
    counter         BIGINT NOT NULL,
    first_reader_id VARCHAR(64) NOT NULL,
    first_sequence  BIGINT NOT NULL,
    detected_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reader_id, sequence)
);

-- A token is charged at most once, whichever of its authorizations ends in a sale first.
CREATE TABLE IF NOT EXISTS token_charge (
    credential_id BIGINT NOT NULL,
    counter       BIGINT NOT NULL,
    reader_id     VARCHAR(64) NOT NULL,
    sequence      BIGINT NOT NULL,
    PRIMARY KEY (credential_id, counter)
);

-- The ledger: one booking per authorization once its outcome is known. SALE charges the amount
-- (after VEND SUCCESS, or a RESET after approval: MDB 4.2 counts that as a sale); VOID records a
-- vend failure (nothing charged); NOT_CHARGED is a sale of a token already charged elsewhere.
CREATE TABLE IF NOT EXISTS ledger_entry (
    entry_id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reader_id     VARCHAR(64) NOT NULL,
    sequence      BIGINT NOT NULL,
    credential_id BIGINT NOT NULL,
    counter       BIGINT NOT NULL,
    account_id    BIGINT,
    kind          VARCHAR(16) NOT NULL,
    reason        VARCHAR(32) NOT NULL,
    amount        BIGINT NOT NULL,
    charged       BIGINT NOT NULL,
    booked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_entry_once UNIQUE (reader_id, sequence),
    CONSTRAINT ledger_entry_kind CHECK (kind IN ('SALE', 'VOID', 'NOT_CHARGED'))
);
CREATE INDEX IF NOT EXISTS ledger_entry_account ON ledger_entry (account_id);
