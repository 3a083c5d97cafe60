-- Portable SQL for H2 2.x and PostgreSQL 15. Instants are epoch milliseconds (BIGINT); ids are
-- prefixed random strings, so no sequences or identity columns.

CREATE TABLE plans (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    per_minute  BIGINT       NOT NULL,
    per_day     BIGINT       NOT NULL,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL
);

INSERT INTO plans (name, per_minute, per_day, created_at, updated_at) VALUES ('free', 10, 100, 0, 0);
INSERT INTO plans (name, per_minute, per_day, created_at, updated_at) VALUES ('standard', 60, 10000, 0, 0);
-- enterprise: these are only defaults; each enterprise tenant carries its own numbers
INSERT INTO plans (name, per_minute, per_day, created_at, updated_at) VALUES ('enterprise', 600, 1000000, 0, 0);

CREATE TABLE tenants (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    plan        VARCHAR(64)   NOT NULL REFERENCES plans (name),
    status      VARCHAR(16)   NOT NULL,
    per_minute  BIGINT,
    per_day     BIGINT,
    allowed_ips VARCHAR(8000),
    created_at  BIGINT        NOT NULL,
    updated_at  BIGINT        NOT NULL
);
CREATE INDEX tenants_created ON tenants (created_at, id);

CREATE TABLE api_keys (
    id                    VARCHAR(64)   NOT NULL PRIMARY KEY,
    tenant_id             VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    name                  VARCHAR(200)  NOT NULL,
    type                  VARCHAR(16)   NOT NULL,
    environment           VARCHAR(8)    NOT NULL,
    role                  VARCHAR(32)   NOT NULL,
    secret_hash           VARCHAR(64)   NOT NULL,
    prefix                VARCHAR(120)  NOT NULL,
    last4                 VARCHAR(4)    NOT NULL,
    previous_secret_hash  VARCHAR(64),
    previous_valid_until  BIGINT,
    scopes                VARCHAR(2000),
    allowed_ips           VARCHAR(8000),
    per_minute            BIGINT,
    per_day               BIGINT,
    expires_at            BIGINT,
    revoked_at            BIGINT,
    last_used_at          BIGINT,
    created_at            BIGINT        NOT NULL,
    updated_at            BIGINT        NOT NULL
);
CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);
CREATE UNIQUE INDEX api_keys_previous_secret_hash ON api_keys (previous_secret_hash);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at, id);

CREATE TABLE users (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    tenant_id           VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    email               VARCHAR(320)  NOT NULL,
    password_hash       VARCHAR(512)  NOT NULL,
    role                VARCHAR(32)   NOT NULL,
    environment         VARCHAR(8)    NOT NULL,
    disabled            BOOLEAN       NOT NULL,
    tokens_valid_after  BIGINT        NOT NULL,
    failed_logins       INTEGER       NOT NULL,
    locked_until        BIGINT,
    created_at          BIGINT        NOT NULL,
    updated_at          BIGINT        NOT NULL
);
CREATE UNIQUE INDEX users_tenant_email ON users (tenant_id, email);
CREATE INDEX users_tenant ON users (tenant_id, created_at, id);

-- one family per login; every refresh token descends from it
CREATE TABLE session_families (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    user_id      VARCHAR(64)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    environment  VARCHAR(8)   NOT NULL,
    created_at   BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    revoked_at   BIGINT,
    revoked_why  VARCHAR(32)
);
CREATE INDEX session_families_user ON session_families (user_id);

CREATE TABLE refresh_tokens (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    family_id        VARCHAR(64)  NOT NULL REFERENCES session_families (id) ON DELETE CASCADE,
    token_hash       VARCHAR(64)  NOT NULL,
    created_at       BIGINT       NOT NULL,
    idle_expires_at  BIGINT       NOT NULL,
    spent_at         BIGINT
);
CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
