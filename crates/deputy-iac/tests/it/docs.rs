//! The committed check catalog, `docs/iac-checks.md`, is the text the registry generates,
//! and the JSON catalog describes every registered check.

use deputy_iac::output::catalog;
use deputy_iac::registry;

#[test]
fn committed_check_docs_equal_the_generated_text() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/iac-checks.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = catalog::markdown();
    if std::env::var_os("DEPUTY_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap_or_else(|e| panic!("write {path}: {e}"));
        return;
    }
    assert!(
        committed == generated,
        "docs/iac-checks.md is stale: run `DEPUTY_BLESS=1 cargo test -p deputy-iac --test it docs`"
    );
}

#[test]
fn the_json_catalog_lists_every_check_with_its_checkov_ids() {
    let json = catalog::json();
    assert_eq!(json["source"], "deputy-iac");
    let checks = json["checks"].as_array().cloned().unwrap_or_default();
    assert_eq!(checks.len(), registry::all().len());
    for (c, m) in checks.iter().zip(registry::metas()) {
        assert_eq!(c["code"], m.code);
        assert_eq!(c["checkov_ids"], serde_json::json!(m.checkov));
        assert_eq!(c["severity"], serde_json::json!(m.severity));
        assert!(
            !c["frameworks"].as_array().is_none_or(Vec::is_empty),
            "{}",
            m.code
        );
    }
    let md = catalog::markdown();
    for m in registry::metas() {
        assert!(
            md.contains(&format!("## `{}` {}", m.code, m.title)),
            "{}",
            m.code
        );
    }
}
