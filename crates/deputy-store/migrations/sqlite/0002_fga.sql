-- OpenFGA stores, authorization models, relationship tuples and their change log.
-- Ids are ULIDs (26-character text). Instants are RFC 3339 UTC text of fixed width (see
-- deputy-core's time_fmt). The tuple's user column is `user_key` because `user` is a
-- reserved word in PostgreSQL.
CREATE TABLE fga_stores (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);

CREATE TABLE fga_models (
    id              TEXT PRIMARY KEY,
    store_id        TEXT NOT NULL REFERENCES fga_stores(id),
    schema_version  TEXT NOT NULL,
    model           TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX fga_models_by_store ON fga_models (store_id, id);

CREATE TABLE fga_tuples (
    store_id             TEXT NOT NULL REFERENCES fga_stores(id),
    object_type          TEXT NOT NULL,
    object_id            TEXT NOT NULL,
    relation             TEXT NOT NULL,
    user_key             TEXT NOT NULL,
    user_type            TEXT NOT NULL,
    user_id_or_wildcard  TEXT NOT NULL,
    user_relation        TEXT NOT NULL,
    condition_name       TEXT NOT NULL,
    condition_context    TEXT,
    inserted_at          TEXT NOT NULL,
    ulid                 TEXT NOT NULL,
    PRIMARY KEY (store_id, object_type, object_id, relation, user_key)
) WITHOUT ROWID;
-- ListObjects and reverse reads: which objects of a type relate to one user. The user
-- comes second so that this index cannot look like a match for reads by object (which
-- the primary key serves); without statistics PostgreSQL would otherwise pick it and
-- filter on `object_id`.
CREATE INDEX fga_tuples_by_user ON fga_tuples (store_id, user_key, object_type, relation);

CREATE TABLE fga_changes (
    store_id           TEXT NOT NULL REFERENCES fga_stores(id),
    ulid               TEXT NOT NULL,
    object_type        TEXT NOT NULL,
    object             TEXT NOT NULL,
    relation           TEXT NOT NULL,
    user_key           TEXT NOT NULL,
    condition_name     TEXT NOT NULL,
    condition_context  TEXT,
    operation          TEXT NOT NULL CHECK (operation IN ('write', 'delete')),
    at                 TEXT NOT NULL,
    PRIMARY KEY (store_id, ulid)
) WITHOUT ROWID;
CREATE INDEX fga_changes_by_type ON fga_changes (store_id, object_type, ulid);

CREATE TABLE fga_assertions (
    store_id    TEXT NOT NULL REFERENCES fga_stores(id),
    model_id    TEXT NOT NULL REFERENCES fga_models(id),
    assertions  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (store_id, model_id)
);
