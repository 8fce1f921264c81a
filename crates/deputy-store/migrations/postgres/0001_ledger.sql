-- The findings ledger: projects, scan runs, findings, their history, per-run deltas and
-- risk acceptances. Instants are RFC 3339 UTC text of fixed width (see deputy-core's
-- time_fmt), so they sort as text on both backends.
CREATE TABLE projects (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE scan_runs (
    id               BIGSERIAL PRIMARY KEY,
    project_id       BIGINT NOT NULL REFERENCES projects(id),
    format           TEXT NOT NULL,
    tools            TEXT NOT NULL,
    tool_version     TEXT,
    scope            TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('complete', 'partial', 'failed')),
    commit_sha       TEXT,
    branch           TEXT,
    started_at       TEXT NOT NULL,
    finished_at      TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    imported_by      TEXT NOT NULL,
    input_name       TEXT,
    input_sha256     TEXT,
    notes            TEXT NOT NULL,
    new_count        BIGINT NOT NULL DEFAULT 0,
    reopened_count   BIGINT NOT NULL DEFAULT 0,
    unchanged_count  BIGINT NOT NULL DEFAULT 0,
    resolved_count   BIGINT NOT NULL DEFAULT 0,
    stale_count      BIGINT NOT NULL DEFAULT 0,
    duplicate_count  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX scan_runs_by_project ON scan_runs (project_id, id);

CREATE TABLE findings (
    id                BIGSERIAL PRIMARY KEY,
    project_id        BIGINT NOT NULL REFERENCES projects(id),
    fingerprint       TEXT NOT NULL,
    source            TEXT NOT NULL,
    scope             TEXT NOT NULL,
    rule_id           TEXT NOT NULL,
    severity          TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    title             TEXT NOT NULL,
    message           TEXT NOT NULL,
    path              TEXT,
    start_line        BIGINT,
    end_line          BIGINT,
    resource          TEXT,
    setting_path      TEXT,
    help_uri          TEXT,
    remediation       TEXT,
    state             TEXT NOT NULL CHECK (state IN ('open', 'triaged', 'in_progress', 'resolved', 'reopened', 'false_positive', 'accepted_risk', 'out_of_scope')),
    stale_since       TEXT,
    first_seen        TEXT NOT NULL,
    last_seen         TEXT NOT NULL,
    first_run_id      BIGINT NOT NULL REFERENCES scan_runs(id),
    last_run_id       BIGINT NOT NULL REFERENCES scan_runs(id),
    sla_due           TEXT,
    state_changed_at  TEXT NOT NULL,
    UNIQUE (project_id, fingerprint)
);
CREATE INDEX findings_by_state ON findings (project_id, state, severity);

CREATE TABLE finding_events (
    id          BIGSERIAL PRIMARY KEY,
    finding_id  BIGINT NOT NULL REFERENCES findings(id),
    run_id      BIGINT REFERENCES scan_runs(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX finding_events_by_finding ON finding_events (finding_id, id);

CREATE TABLE run_findings (
    run_id      BIGINT NOT NULL REFERENCES scan_runs(id),
    finding_id  BIGINT NOT NULL REFERENCES findings(id),
    change      TEXT NOT NULL CHECK (change IN ('new', 'reopened', 'unchanged', 'resolved', 'stale')),
    PRIMARY KEY (run_id, finding_id)
);
CREATE INDEX run_findings_by_finding ON run_findings (finding_id, run_id);

CREATE TABLE risk_acceptances (
    id             BIGSERIAL PRIMARY KEY,
    finding_id     BIGINT NOT NULL REFERENCES findings(id),
    owner          TEXT NOT NULL,
    reason         TEXT NOT NULL,
    requested_by   TEXT NOT NULL,
    requested_at   TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'revoked')),
    decided_by     TEXT,
    decided_at     TEXT,
    decision_note  TEXT,
    -- Separation of duties, enforced by the database as well as by the application.
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX risk_acceptances_by_finding ON risk_acceptances (finding_id, id);
CREATE INDEX risk_acceptances_by_expiry ON risk_acceptances (status, expires_at);
