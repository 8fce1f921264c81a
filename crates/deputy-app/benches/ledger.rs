//! The ledger benchmark: import a synthetic 100,000-result SARIF log, import a second run of
//! it (1% fixed, 1% new, every line shifted, messages reworded), and diff the two — on
//! SQLite and, when `DEPUTY_TEST_POSTGRES_URL` is set, on PostgreSQL.
//!
//! `cargo bench -p deputy-app --bench ledger` (optionally `-- 20000` for another size).
//! Targets on the reference 2-core machine: import ≤ 5 s and diff ≤ 1 s on SQLite.

use deputy_app::{
    App, Config, ConfigOverrides, ImportOptions, ImportRequest, InputSource, ReportFormat,
};
use deputy_core::SystemClock;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let size: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    runtime.block_on(run(size));
}

async fn run(size: usize) {
    let base = sarif(size, 0, "");
    let head = sarif(size, 3, " (reworded)");
    println!(
        "ledger benchmark: {size} results per run, logs of {:.1} MB and {:.1} MB",
        base.len() as f64 / 1e6,
        head.len() as f64 / 1e6
    );
    let t = Instant::now();
    let parsed = deputy_import::parse(ReportFormat::Sarif, &base, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("parse: {e}"));
    println!(
        "  parse only (SARIF → drafts)        {:>8}  ({} findings)",
        secs(t.elapsed()),
        parsed.findings.len()
    );

    let mut dbs = vec![deputy_testkit::sqlite()];
    if let Some(pg) = deputy_testkit::postgres("ledger benchmark").await {
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
            .unwrap_or_else(|e| panic!("{e}"));
        let request = |name: &str, bytes: &[u8]| ImportRequest {
            project: "bench".into(),
            format: ReportFormat::Sarif,
            input: InputSource::Bytes {
                name: name.into(),
                bytes: bytes.to_vec(),
            },
            scope: None,
            commit: None,
            branch: None,
            partial: false,
            default_severity: None,
            root: None,
        };
        let t = Instant::now();
        let first = app
            .import(request("base.sarif", &base))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let first_time = t.elapsed();
        let t = Instant::now();
        let second = app
            .import(request("head.sarif", &head))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let second_time = t.elapsed();
        let t = Instant::now();
        let diff = app
            .diff(Some("bench"), None, None, false)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let diff_time = t.elapsed();
        let d = second.run.delta;
        assert_eq!(
            (d.new as usize, d.resolved as usize),
            (size / 100, size / 100),
            "the synthetic delta"
        );
        assert_eq!(diff.counts, d, "the diff agrees with the stored delta");
        println!(
            "  {:<8} import run 1 (all new)         {:>8}  ({} new)",
            db.backend,
            secs(first_time),
            first.run.delta.new
        );
        println!(
            "  {:<8} import run 2 (re-import)        {:>8}  ({} new, {} resolved, {} unchanged)",
            db.backend,
            secs(second_time),
            d.new,
            d.resolved,
            d.unchanged
        );
        println!(
            "  {:<8} diff run 1 → run 2             {:>8}  ({} changed findings listed)",
            db.backend,
            secs(diff_time),
            diff.findings.len()
        );
        app.close().await;
        db.cleanup().await;
    }
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// A SARIF log of `size` results over 200 rules and 5,000 files. The head variant drops
/// the first 1% of results, adds 1% new ones, shifts every line by `shift` and rewords
/// every message: only the 2% should show up as changes.
fn sarif(size: usize, shift: u32, reword: &str) -> Vec<u8> {
    let rules: Vec<Value> = (0..200)
        .map(|r| {
            json!({
                "id": format!("BENCH{r:03}"),
                "shortDescription": {"text": format!("Synthetic rule {r}")},
                "properties": {"security-severity": format!("{}.0", r % 10)}
            })
        })
        .collect();
    let onepct = size / 100;
    let ids: Box<dyn Iterator<Item = usize>> = if shift == 0 {
        Box::new(0..size)
    } else {
        Box::new((onepct..size).chain(size..size + onepct))
    };
    let results: Vec<Value> = ids
        .map(|i| {
            let rule = i % 200;
            let file = (i / 200) % 5_000;
            let line = (i % 997) as u32 + 1 + shift;
            json!({
                "ruleId": format!("BENCH{rule:03}"),
                "message": {"text": format!("finding {i} in file {file}{reword}")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": format!("src/module{}/file{file}.py", file % 50)},
                    "region": {"startLine": line, "endLine": line + 2}
                }}],
                "partialFingerprints": {"primaryLocationLineHash": format!("{i:016x}:1")}
            })
        })
        .collect();
    serde_json::to_vec(&json!({
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "BenchScanner", "version": "1.0", "rules": rules}}, "results": results}]
    }))
    .unwrap_or_default()
}
