//! deputy-iac's integration tests: agreement with Checkov on its own test cases and on
//! real repositories and on GitHub Actions workflows, the generated docs, and the SARIF the
//! scanner writes.

mod cfn_counts;
mod corpora;
mod docs;
mod gha;
mod k8s_goat;
mod parity;
mod sarif;
mod secrets;
