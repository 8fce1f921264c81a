//! Embedded, per-backend migrations, applied in order at connect time, each in its own
//! transaction together with its bookkeeping row.

use crate::{Backend, Store, StoreError};
use sqlx::{Executor, Row};

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "ledger",
        sqlite: include_str!("../migrations/sqlite/0001_ledger.sql"),
        postgres: include_str!("../migrations/postgres/0001_ledger.sql"),
    },
    Migration {
        version: 2,
        name: "fga",
        sqlite: include_str!("../migrations/sqlite/0002_fga.sql"),
        postgres: include_str!("../migrations/postgres/0002_fga.sql"),
    },
    Migration {
        version: 3,
        name: "audit",
        sqlite: include_str!("../migrations/sqlite/0003_audit.sql"),
        postgres: include_str!("../migrations/postgres/0003_audit.sql"),
    },
    Migration {
        version: 4,
        name: "vault",
        sqlite: include_str!("../migrations/sqlite/0004_vault.sql"),
        postgres: include_str!("../migrations/postgres/0004_vault.sql"),
    },
    Migration {
        version: 5,
        name: "fga_revision",
        sqlite: include_str!("../migrations/sqlite/0005_fga_revision.sql"),
        postgres: include_str!("../migrations/postgres/0005_fga_revision.sql"),
    },
];

pub(crate) async fn apply(store: &Store) -> Result<(), StoreError> {
    let pool = store.pool();
    pool.execute(
        "CREATE TABLE IF NOT EXISTS deputy_migrations (\
            version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .await?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    for m in MIGRATIONS {
        let mut tx = store.begin_write().await?;
        if store.backend() == Backend::Postgres {
            // Several instances may start at once; one of them migrates.
            tx.execute("SELECT pg_advisory_xact_lock(7236580001)")
                .await?;
        }
        let applied: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM deputy_migrations WHERE version = $1")
                .bind(m.version)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
        if applied > 0 {
            tx.rollback().await?;
            continue;
        }
        let sql = match store.backend() {
            Backend::Sqlite => m.sqlite,
            Backend::Postgres => m.postgres,
        };
        let wrap = |source| StoreError::Migration {
            version: m.version,
            name: m.name,
            source,
        };
        tx.execute(sql).await.map_err(wrap)?;
        sqlx::query(
            "INSERT INTO deputy_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(m.version)
        .bind(m.name)
        .bind(deputy_core::time_fmt::format(
            time::OffsetDateTime::now_utc(),
        ))
        .execute(&mut *tx)
        .await
        .map_err(wrap)?;
        tx.commit().await.map_err(wrap)?;
        tracing::info!(
            version = m.version,
            name = m.name,
            backend = store.backend().as_str(),
            "applied migration"
        );
    }
    let found: Option<i64> = sqlx::query("SELECT MAX(version) AS v FROM deputy_migrations")
        .fetch_one(pool)
        .await?
        .try_get("v")?;
    match found {
        Some(found) if found > known => Err(StoreError::SchemaTooNew { found, known }),
        _ => Ok(()),
    }
}
