-- The orders application's own table, migrated with its own history table beside Portcullis's.
CREATE TABLE orders (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(64)   NOT NULL,
    environment  VARCHAR(8)    NOT NULL,
    item         VARCHAR(200)  NOT NULL,
    quantity     INTEGER       NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   BIGINT        NOT NULL
);
CREATE INDEX orders_tenant ON orders (tenant_id, environment, created_at);
