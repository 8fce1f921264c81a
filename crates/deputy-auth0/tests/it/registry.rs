//! Meta-tests over the check registry.

use deputy_auth0::registry;
use std::collections::BTreeSet;

#[test]
fn codes_and_peer_ids_are_unique_and_every_checkmate_check_is_covered() {
    let metas: Vec<_> = registry::all().iter().map(|c| c.meta()).collect();
    let codes: BTreeSet<&str> = metas.iter().map(|m| m.code).collect();
    assert_eq!(codes.len(), metas.len(), "duplicate codes");
    let peers: Vec<&str> = metas.iter().filter_map(|m| m.peer_id).collect();
    let unique: BTreeSet<&str> = peers.iter().copied().collect();
    assert_eq!(unique.len(), peers.len(), "duplicate peer ids");
    assert_eq!(peers.len(), 61, "CheckMate v1.8.4 has 61 checks");
    for m in &metas {
        assert!(m.code.starts_with("AUTH0-"), "{}", m.code);
        assert!(
            !m.remediation.is_empty() && !m.docs.is_empty() && !m.severity_reason.is_empty(),
            "{} lacks docs",
            m.code
        );
        assert!(
            m.docs.iter().all(|d| d.starts_with("https://")),
            "{}",
            m.code
        );
        assert_eq!(registry::by_code(m.code).map(|x| x.code), Some(m.code));
        if let Some(p) = m.peer_id {
            assert_eq!(registry::by_peer_id(p).map(|x| x.code), Some(m.code));
        }
    }
}

#[test]
fn committed_check_docs_equal_the_generated_text() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/auth0-checks.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = deputy_auth0::docs::markdown();
    if std::env::var_os("DEPUTY_BLESS").is_some() {
        std::fs::write(path, &generated).expect("write docs");
        return;
    }
    assert!(
        committed == generated,
        "docs/auth0-checks.md is stale: run `DEPUTY_BLESS=1 cargo test -p deputy-auth0 --test it registry`"
    );
}

fn run(file: &str) -> deputy_auth0::ScanOutcome {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let snap =
        deputy_auth0::Snapshot::from_slice(&std::fs::read(path).expect("data")).expect("snapshot");
    let now = time::macros::datetime!(2026-11-24 12:00 UTC);
    deputy_auth0::scan(
        &snap,
        &deputy_auth0::ScanOptions {
            now: Some(now),
            ..Default::default()
        },
    )
}

#[test]
fn every_deputy_only_check_fires_on_the_bad_tenant_and_not_on_the_good_one() {
    let bad = run("deputy-bad.json");
    let good = run("deputy-good.json");
    let own: Vec<&str> = registry::all()
        .iter()
        .map(|c| c.meta())
        .filter(|m| m.peer_id.is_none())
        .map(|m| m.code)
        .collect();
    assert!(
        own.len() >= 30,
        "only {} checks beyond CheckMate",
        own.len()
    );
    let fired =
        |o: &deputy_auth0::ScanOutcome, code: &str| o.findings.iter().any(|f| f.code == code);
    let silent_on_bad: Vec<&&str> = own.iter().filter(|c| !fired(&bad, c)).collect();
    assert!(
        silent_on_bad.is_empty(),
        "not reported on the bad tenant: {silent_on_bad:?}"
    );
    let noisy_on_good: Vec<&&str> = own.iter().filter(|c| fired(&good, c)).collect();
    assert!(
        noisy_on_good.is_empty(),
        "reported on the good tenant: {noisy_on_good:?}"
    );
    let own_diagnostics: Vec<_> = good
        .diagnostics
        .iter()
        .filter(|d| d.code.is_some_and(|c| own.contains(&c)))
        .collect();
    assert!(own_diagnostics.is_empty(), "{own_diagnostics:?}");
}
