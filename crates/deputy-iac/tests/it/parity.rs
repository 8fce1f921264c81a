//! Every Checkov id a Deputy check claims must agree with Checkov's verdicts on that id's
//! cases in the parity corpus (Checkov's own unit-test fixtures, verified against Checkov
//! 3.3.30): at least 98 % per id.

use deputy_iac::conformance::{parity_cases, run_parity};
use std::path::PathBuf;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/iac/checkov-parity")
}

#[test]
fn claimed_ids_agree_with_checkov_on_its_cases() {
    let dir = corpus();
    let cases = parity_cases(&dir.join("expected_results.jsonl")).unwrap_or_else(|e| panic!("{e}"));
    assert!(cases.len() > 1_600, "{} cases", cases.len());
    let report = run_parity(&dir, &cases).unwrap_or_else(|e| panic!("{e}"));
    let mut failing = Vec::new();
    for (id, t) in &report.per_id {
        println!(
            "{id:<14} {:>6.1} %  agree {:>3}  differ {:>2}  missing {:>2}  extra {:>2}",
            t.agreement() * 100.0,
            t.agree,
            t.differ,
            t.missing,
            t.extra
        );
        if t.agreement() < 0.98 {
            failing.push(format!("{id}: {:?}", report.examples.get(id)));
        }
    }
    println!("{} claimed ids with parity cases", report.per_id.len());
    assert!(
        failing.is_empty(),
        "below 98 % agreement:\n{}",
        failing.join("\n")
    );
}
