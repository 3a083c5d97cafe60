-- The audit trail (issue 14): who changed what, from where, when; and the security events. Append-only
-- for the application, which only inserts and, past the retention, purges. No foreign keys: a record
-- outlives what it names.

CREATE TABLE audit_events (
    id               VARCHAR(64)     NOT NULL PRIMARY KEY,
    occurred_at      BIGINT          NOT NULL,
    tenant_id        VARCHAR(64),
    action           VARCHAR(64)     NOT NULL,
    actor_type       VARCHAR(16)     NOT NULL,
    actor_id         VARCHAR(64),
    actor_tenant_id  VARCHAR(64),
    target_id        VARCHAR(200),
    client_address   VARCHAR(64),
    request_id       VARCHAR(64),
    changes          VARCHAR(400000)
);
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, occurred_at, id);
CREATE INDEX audit_events_time ON audit_events (occurred_at, id);
