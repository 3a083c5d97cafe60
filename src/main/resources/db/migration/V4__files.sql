-- The worked example of a protected resource: small text files owned by a tenant and an environment.
CREATE TABLE files (
    id            VARCHAR(64)     NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)     NOT NULL REFERENCES tenants (id),
    environment   VARCHAR(8)      NOT NULL,
    name          VARCHAR(255)    NOT NULL,
    content_type  VARCHAR(100)    NOT NULL,
    content       VARCHAR(60000)  NOT NULL,
    created_by    VARCHAR(64)     NOT NULL,
    created_at    BIGINT          NOT NULL
);
CREATE INDEX files_tenant ON files (tenant_id, environment, created_at, id);
