-- Keys that sign access tokens (RS256). The newest unretired key signs; every key stays published in
-- the JWKS until verify_until, when the last token it signed has expired.
CREATE TABLE signing_keys (
    kid           VARCHAR(64)    NOT NULL PRIMARY KEY,
    algorithm     VARCHAR(16)    NOT NULL,
    public_key    VARCHAR(4000)  NOT NULL,
    private_key   VARCHAR(8000)  NOT NULL,
    created_at    BIGINT         NOT NULL,
    retired_at    BIGINT,
    verify_until  BIGINT
);
