//! The audit benchmark: append 100,000 events (in one call, in calls of 1,000, and one at a
//! time for a sample), then verify a chain of 1,000,000 — on SQLite and, when
//! `DEPUTY_TEST_POSTGRES_URL` is set, on PostgreSQL.
//!
//! `cargo bench -p deputy-app --bench audit` (optionally `-- 200000` to verify another size).
//! Goals on the reference 2-core machine, SQLite: appends ≥ 20,000 events/s, verifying
//! 1,000,000 events ≤ 3 s.

use deputy_app::{App, AuditEvent, Config, ConfigOverrides};
use deputy_core::{Actor, SystemClock};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use time::OffsetDateTime;

const APPEND: u64 = 100_000;

fn main() {
    let verify_size: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    runtime.block_on(run(verify_size.max(APPEND)));
}

fn event(i: u64, now: OffsetDateTime) -> AuditEvent {
    AuditEvent::new(
        now,
        if i.is_multiple_of(2) {
            Actor::human("alice@example.com")
        } else {
            Actor::system("gate")
        },
        "vault.lease.issue",
        format!("connection:alice@example.com/github/default#{i}"),
        "allowed",
    )
    .with("lease", format!("lease-{i:016x}"))
    .with("scopes", "repo workflow")
}

fn events(from: u64, n: u64) -> Vec<AuditEvent> {
    let now = OffsetDateTime::now_utc();
    (from..from + n).map(|i| event(i, now)).collect()
}

async fn run(verify_size: u64) {
    println!("audit benchmark: append {APPEND} events, verify {verify_size}");
    let mut dbs = vec![deputy_testkit::sqlite()];
    if let Some(pg) = deputy_testkit::postgres("audit benchmark").await {
        dbs.push(pg);
    }
    for db in dbs {
        let overrides = ConfigOverrides {
            config_path: None,
            data_dir: Some(std::env::temp_dir()),
            database_url: Some(db.url.clone()),
            actor: Some("bench".into()),
        };
        let env = BTreeMap::from([("DEPUTY_CONFIG".to_owned(), String::new())]);
        let config = Config::load_from(&overrides, &env).unwrap_or_else(|e| panic!("{e}"));
        let app = App::open(config, Arc::new(SystemClock))
            .await
            .unwrap_or_else(|e| panic!("open: {e}"));
        println!("{}:", db.backend);

        let batch = events(0, APPEND);
        let t = Instant::now();
        app.record_audit(batch)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        rate("append 100,000 in one call", APPEND, t.elapsed());

        let t = Instant::now();
        for c in 0..APPEND / 1_000 {
            app.record_audit(events(APPEND + c * 1_000, 1_000))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        rate("append 100,000 in calls of 1,000", APPEND, t.elapsed());

        let singles = 2_000;
        let t = Instant::now();
        for i in 0..singles {
            app.record_audit(events(2 * APPEND + i, 1))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        rate("append one at a time (2,000)", singles, t.elapsed());

        let mut have = 2 * APPEND + singles;
        while have < verify_size {
            let n = (verify_size - have).min(50_000);
            app.record_audit(events(have, n))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            have += n;
        }
        let cpu = cpu_seconds();
        let t = Instant::now();
        let verified = app
            .audit_verify()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|b| panic!("{b}"));
        let took = t.elapsed();
        println!(
            "  verify {:>9} events                 {:>8}  ({:.0} events/s)",
            verified.events,
            secs(took),
            verified.events as f64 / took.as_secs_f64()
        );
        if let (Some(before), Some(after)) = (cpu, cpu_seconds()) {
            // On a shared machine wall time includes waiting for a core; CPU time does not.
            println!(
                "  verify CPU time (this process, all threads) {:.2} s",
                after - before
            );
        }
        app.close().await;
        db.cleanup().await;
    }
}

fn rate(what: &str, n: u64, took: Duration) {
    println!(
        "  {what:<36} {:>8}  ({:.0} events/s)",
        secs(took),
        n as f64 / took.as_secs_f64()
    );
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// User plus system CPU time of this process so far, from `/proc/self/stat` (Linux).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 14 and 15 of the file (utime, stime) are 12 and 13 after the name.
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
