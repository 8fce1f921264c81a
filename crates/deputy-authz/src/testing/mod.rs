//! Running model tests: OpenFGA store files (`*.fga.yaml`, the format `fga model test`
//! reads) and OpenFGA conformance files (the format of OpenFGA's `assets/tests/*.yaml`),
//! told apart by their content. Used by `deputy fga test` and by this crate's own tests.

pub mod conformance;
pub mod store_file;

pub use conformance::{Report, Tally};

/// The two kinds of test file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestFileKind {
    /// `tests: [{name, stages: [...]}]`.
    Conformance,
    /// `model`/`model_file`, `tuples`/`tuple_file`, `tests: [{check, list_objects, list_users}]`.
    StoreFile,
}

/// Tells the kind of a test file from its content: conformance files have `stages`.
pub fn detect(text: &str) -> TestFileKind {
    let has_stages = text.lines().any(|l| {
        let t = l.trim_start().trim_start_matches("- ");
        t.starts_with("stages:")
    });
    if has_stages {
        TestFileKind::Conformance
    } else {
        TestFileKind::StoreFile
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_detected() {
        assert_eq!(
            detect("tests:\n  - name: x\n    stages:\n      - model: |\n"),
            TestFileKind::Conformance
        );
        assert_eq!(
            detect("name: s\nmodel: |\n  model\ntests:\n  - name: t\n    check: []\n"),
            TestFileKind::StoreFile
        );
    }
}
