-- Webhooks (issue 14): endpoints a tenant admin registers, the outbox of their deliveries, and the
-- notices that must be raised once only. Instants are epoch milliseconds, as everywhere.

CREATE TABLE webhooks (
    id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)    NOT NULL,
    url         VARCHAR(2048)  NOT NULL,
    -- event names, comma-separated
    events      VARCHAR(1000)  NOT NULL,
    -- kept in clear: every delivery is signed with it (HMAC needs the secret itself, not a hash)
    secret      VARCHAR(128)   NOT NULL,
    enabled     BOOLEAN        NOT NULL,
    created_at  BIGINT         NOT NULL,
    updated_at  BIGINT         NOT NULL
);
CREATE INDEX webhooks_tenant ON webhooks (tenant_id, created_at, id);

-- The outbox: one row per event and endpoint, written in the transaction of what caused the event,
-- so a crash never loses one; the delivery worker sends the due rows and records each attempt here.
CREATE TABLE webhook_deliveries (
    id                VARCHAR(64)     NOT NULL PRIMARY KEY,
    webhook_id        VARCHAR(64)     NOT NULL,
    tenant_id         VARCHAR(64)     NOT NULL,
    event_id          VARCHAR(64)     NOT NULL,
    event_type        VARCHAR(64)     NOT NULL,
    body              VARCHAR(100000) NOT NULL,
    status            VARCHAR(16)     NOT NULL,
    attempts          INT             NOT NULL,
    next_attempt_at   BIGINT,
    last_status_code  INT,
    last_error        VARCHAR(500),
    created_at        BIGINT          NOT NULL,
    updated_at        BIGINT          NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at, id);

-- Events that happen once per subject and occasion (a key's expiry notice, a quota threshold of a
-- day): the primary key makes the second insert fail, on every database and across all nodes.
CREATE TABLE webhook_notices (
    subject_id  VARCHAR(64)   NOT NULL,
    occasion    VARCHAR(100)  NOT NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (subject_id, occasion)
);
