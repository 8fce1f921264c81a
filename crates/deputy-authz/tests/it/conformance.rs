//! OpenFGA's conformance corpus through `deputy_authz::testing::conformance`, both variants.

use deputy_authz::testing::conformance::{self, Tally};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/openfga/"
);

fn run_file(file: &str, contextual: bool) -> conformance::Report {
    let text = std::fs::read_to_string(format!("{CORPUS}{file}")).unwrap();
    conformance::run(file, &text, contextual).unwrap()
}

/// Every assertion of the corpus, per file and variant: (file, contextual, check,
/// list_objects, list_users). The contextual variant skips multi-stage tests and stages with
/// more than 100 tuples, as OpenFGA's runners do.
const EXPECTED: &[(&str, bool, usize, usize, usize)] = &[
    ("consolidated_1_1_tests.yaml", false, 360, 270, 295),
    ("consolidated_1_1_tests.yaml", true, 282, 211, 245),
    ("abac_tests.yaml", false, 125, 75, 91),
    ("abac_tests.yaml", true, 116, 70, 85),
];

#[test]
fn openfga_conformance_corpus() {
    let mut problems = Vec::new();
    for &(file, contextual, check, list_objects, list_users) in EXPECTED {
        let report = run_file(file, contextual);
        let variant = if contextual {
            "contextual tuples"
        } else {
            "stored tuples"
        };
        for failure in &report.failures {
            println!("FAIL {failure}");
        }
        let total = |t: Tally| t.passed + t.failed;
        println!(
            "{file} ({variant}): check {} passed, {} failed; list_objects {} passed, {} failed; list_users {} passed, {} failed; total {} / {}",
            report.check.passed,
            report.check.failed,
            report.list_objects.passed,
            report.list_objects.failed,
            report.list_users.passed,
            report.list_users.failed,
            report.check.passed + report.list_objects.passed + report.list_users.passed,
            total(report.check) + total(report.list_objects) + total(report.list_users),
        );
        let passed = (
            report.check.passed,
            report.list_objects.passed,
            report.list_users.passed,
        );
        if passed != (check, list_objects, list_users) || !report.failures.is_empty() {
            problems.push(format!(
                "{file} ({variant}): passed {passed:?} of {:?}, {} failures",
                (check, list_objects, list_users),
                report.failures.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:?}");
}
