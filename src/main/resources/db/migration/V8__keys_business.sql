-- Keys that carry a business (issue 15): identities that several keys belong to and that have limits of
-- their own; on keys, enabled, metadata, the owner's external id, credits with their refill, named
-- limits and allowed routes.

CREATE TABLE identities (
    id            VARCHAR(64)    NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)    NOT NULL REFERENCES tenants (id),
    environment   VARCHAR(8)     NOT NULL,
    external_id   VARCHAR(512)   NOT NULL,
    meta          VARCHAR(8000),
    per_minute    BIGINT,
    per_day       BIGINT,
    named_limits  VARCHAR(4000),
    created_at    BIGINT         NOT NULL,
    updated_at    BIGINT         NOT NULL
);
CREATE UNIQUE INDEX identities_external ON identities (tenant_id, environment, external_id);
CREATE INDEX identities_tenant ON identities (tenant_id, environment, created_at, id);

ALTER TABLE api_keys ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE api_keys ADD COLUMN meta VARCHAR(8000);
ALTER TABLE api_keys ADD COLUMN external_id VARCHAR(512);
ALTER TABLE api_keys ADD COLUMN identity_id VARCHAR(64) REFERENCES identities (id);
ALTER TABLE api_keys ADD COLUMN credits_remaining BIGINT;
ALTER TABLE api_keys ADD COLUMN credits_period BIGINT;
ALTER TABLE api_keys ADD COLUMN credits_generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE api_keys ADD COLUMN credits_refill VARCHAR(8);
ALTER TABLE api_keys ADD COLUMN credits_refill_amount BIGINT;
ALTER TABLE api_keys ADD COLUMN credits_refill_day INTEGER;
ALTER TABLE api_keys ADD COLUMN named_limits VARCHAR(4000);
ALTER TABLE api_keys ADD COLUMN allowed_routes VARCHAR(8000);
CREATE INDEX api_keys_external ON api_keys (tenant_id, external_id);
CREATE INDEX api_keys_identity ON api_keys (identity_id);

-- Application scopes make scope lists longer (up to 100 of 64 characters).
ALTER TABLE api_keys ALTER COLUMN scopes SET DATA TYPE VARCHAR(8000);
-- Names are counted in code points; H2 counts UTF-16 units, so room for two per code point keeps the
-- two databases answering alike.
ALTER TABLE api_keys ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE tenants ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE files ALTER COLUMN name SET DATA TYPE VARCHAR(510);
ALTER TABLE users ALTER COLUMN email SET DATA TYPE VARCHAR(640);
