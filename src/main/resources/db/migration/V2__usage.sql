-- Requests per subject (API key or user) per UTC day: written in batches from the Data Grid
-- counters, read back to restore the count of the day after a restart and for usage reports.
CREATE TABLE usage_daily (
    id          VARCHAR(100)  NOT NULL PRIMARY KEY,
    subject_id  VARCHAR(64)   NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    usage_day   BIGINT        NOT NULL,
    allowed     BIGINT        NOT NULL,
    refused     BIGINT        NOT NULL,
    updated_at  BIGINT        NOT NULL
);
CREATE UNIQUE INDEX usage_daily_subject_day ON usage_daily (subject_id, usage_day);
CREATE INDEX usage_daily_tenant_day ON usage_daily (tenant_id, usage_day);
