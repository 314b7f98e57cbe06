-- When each reader last synced (DESIGN §5.6), and what kiosks refused (DESIGN §5.5). Same dialect
-- rules as V1: H2 2.x and PostgreSQL 15 both accept it, and every statement is idempotent.

-- A reader's sync (journal up, revocations down, one request): when the last one reached the
-- backend, on the backend's clock, and how many there were. A rig that brings a reader's network
-- back waits for a sync that started after that moment.
ALTER TABLE reader ADD COLUMN IF NOT EXISTS last_sync_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE reader ADD COLUMN IF NOT EXISTS syncs BIGINT DEFAULT 0 NOT NULL;

-- Each refusal a kiosk reports: at once when online, at its next sync when not. report_id is the
-- kiosk's own id for the refusal, so a report repeated after a lost answer is stored once.
-- ticket_id is null when what was shown was no ticket at all; said is what the kiosk told the
-- shopper (e.g. COVER OPEN), never more than its display holds.
CREATE TABLE IF NOT EXISTS kiosk_refusal (
    report_id   VARCHAR(64) PRIMARY KEY,
    kiosk_id    VARCHAR(64) NOT NULL,
    ticket_id   BIGINT,
    refusal     VARCHAR(32) NOT NULL,
    code        INTEGER NOT NULL,
    said        VARCHAR(100) NOT NULL,
    refused_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS kiosk_refusal_by_kiosk ON kiosk_refusal (kiosk_id, reported_at);
