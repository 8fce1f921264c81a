-- The credential vault. A credential's secret is stored only sealed: `ciphertext` is its
-- data encrypted under a data key, `wrapped_key` that data key encrypted under the vault
-- key named `kek_id` (both hex of nonce, ciphertext and tag; see deputy-vault). Scopes are
-- space-separated and sorted; `extra` is a JSON object of facts that are not secret. Leases are single-use: `redeemed_at` is set by the first
-- attempt to redeem one. Instants are fixed-width RFC 3339 UTC text.
CREATE TABLE vault_credentials (
    owner              TEXT NOT NULL,
    provider           TEXT NOT NULL,
    connection         TEXT NOT NULL,
    kind               TEXT NOT NULL,
    scopes             TEXT NOT NULL,
    expires_at         TEXT,
    has_refresh_token  BIGINT NOT NULL,
    kek_id             TEXT NOT NULL,
    wrapped_key        TEXT NOT NULL,
    ciphertext         TEXT NOT NULL,
    extra              TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    PRIMARY KEY (owner, provider, connection)
);

CREATE TABLE vault_leases (
    id           TEXT PRIMARY KEY,
    owner        TEXT NOT NULL,
    provider     TEXT NOT NULL,
    connection   TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    redeemed_at  TEXT
);
CREATE INDEX vault_leases_by_credential ON vault_leases (owner, provider, connection);
