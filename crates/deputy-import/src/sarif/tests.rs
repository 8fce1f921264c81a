use super::context::resolve_base;
use super::message::substitute;
use super::model::ArtifactLocation;
use super::shorten;
use std::collections::HashMap;

#[test]
fn placeholders_are_substituted() {
    let args = ["x".to_owned(), "y".to_owned()];
    assert_eq!(substitute("{0} flows to {1}", &args), "x flows to y");
    assert_eq!(
        substitute("{{0}} is literal, {1}", &args),
        "{0} is literal, y"
    );
    assert_eq!(
        substitute("{2} has no argument", &args),
        "{2} has no argument"
    );
    assert_eq!(substitute("{0 unclosed {", &args), "{0 unclosed {");
    assert_eq!(substitute("{}", &args), "{}");
}

#[test]
fn notes_quote_one_clipped_line() {
    assert_eq!(shorten("short"), "short");
    assert_eq!(shorten("first\nsecond"), "first…");
    let long = "é".repeat(300);
    assert_eq!(shorten(&long).chars().count(), 201);
}

#[test]
fn bases_resolve_through_chains_and_stop_on_cycles() {
    let json = br#"{
        "ROOT": {"uri": "file:///work/repo/"},
        "SRC": {"uri": "src", "uriBaseId": "ROOT"},
        "A": {"uri": "a/", "uriBaseId": "B"},
        "B": {"uri": "b/", "uriBaseId": "A"}
    }"#;
    let declared: HashMap<String, ArtifactLocation<'_>> = match serde_json::from_slice(json) {
        Ok(d) => d,
        Err(e) => return assert_eq!(e.to_string(), ""),
    };
    assert_eq!(
        resolve_base(&declared, "ROOT", 0).as_deref(),
        Some("/work/repo/")
    );
    assert_eq!(
        resolve_base(&declared, "SRC", 0).as_deref(),
        Some("/work/repo/src/")
    );
    assert_eq!(resolve_base(&declared, "A", 0), None);
    assert_eq!(resolve_base(&declared, "MISSING", 0), None);
}
