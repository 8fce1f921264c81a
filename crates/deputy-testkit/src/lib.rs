//! Test support, for tests only: a database on every backend the environment offers.
//!
//! SQLite is always available (a file in a temporary directory). PostgreSQL is used when
//! `DEPUTY_TEST_POSTGRES_URL` names a server (`.ci/run` sets it); each test then gets a
//! database of its own, dropped afterwards. Without it, PostgreSQL tests say loudly on the
//! terminal that they were skipped — they never pass silently.

use sqlx::Executor;
use sqlx::any::AnyPoolOptions;
use std::io::Write;
use std::sync::Once;
use std::sync::atomic::{AtomicU32, Ordering};
use tempfile::TempDir;

/// The environment variable naming a PostgreSQL server for tests.
pub const POSTGRES_ENV: &str = "DEPUTY_TEST_POSTGRES_URL";

/// A database for one test. Dropping it removes the SQLite file; PostgreSQL databases are
/// dropped by [`TestDatabase::cleanup`].
#[derive(Debug)]
pub struct TestDatabase {
    pub url: String,
    pub backend: &'static str,
    admin_url: Option<String>,
    name: Option<String>,
    _dir: Option<TempDir>,
}

impl TestDatabase {
    /// Drops the PostgreSQL database (a no-op for SQLite, whose directory goes on drop).
    pub async fn cleanup(self) {
        let (Some(admin), Some(name)) = (&self.admin_url, &self.name) else {
            return;
        };
        if let Ok(pool) = AnyPoolOptions::new()
            .max_connections(1)
            .connect(admin)
            .await
        {
            let _ = pool
                .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await;
            pool.close().await;
        }
    }
}

/// A fresh SQLite database in a temporary directory.
pub fn sqlite() -> TestDatabase {
    let dir =
        tempfile::tempdir().unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"));
    let url = format!("sqlite://{}", dir.path().join("deputy.db").display());
    TestDatabase {
        url,
        backend: "sqlite",
        admin_url: None,
        name: None,
        _dir: Some(dir),
    }
}

/// The PostgreSQL server URL from the environment, or `None` after saying loudly that the
/// PostgreSQL half of `suite` is skipped.
pub fn postgres_server(suite: &str) -> Option<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            static WARNED: Once = Once::new();
            WARNED.call_once(|| {
                // Written past the test harness's capture so that it is seen.
                let _ = writeln!(
                    std::io::stderr(),
                    "\n*** SKIPPED: PostgreSQL tests ({suite} and others in this binary): set {POSTGRES_ENV}=postgres://… to run them ***\n"
                );
            });
            None
        }
    }
}

/// A fresh, empty PostgreSQL database on the server named by `DEPUTY_TEST_POSTGRES_URL`.
pub async fn postgres(suite: &str) -> Option<TestDatabase> {
    let admin = postgres_server(suite)?;
    sqlx::any::install_default_drivers();
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let name = format!(
        "deputy_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    );
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("{POSTGRES_ENV} is set but the server cannot be reached: {e}"));
    pool.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
    pool.close().await;
    let url = replace_database(&admin, &name);
    Some(TestDatabase {
        url,
        backend: "postgres",
        admin_url: Some(admin),
        name: Some(name),
        _dir: None,
    })
}

/// Every database the environment offers for `suite`: SQLite always, PostgreSQL when set.
pub async fn all_backends(suite: &str) -> Vec<TestDatabase> {
    let mut dbs = vec![sqlite()];
    if let Some(pg) = postgres(suite).await {
        dbs.push(pg);
    }
    dbs
}

/// `postgres://u@h:5432/test?x=y` with the database name replaced.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            replace_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            replace_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(replace_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
