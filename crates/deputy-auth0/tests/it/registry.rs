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
