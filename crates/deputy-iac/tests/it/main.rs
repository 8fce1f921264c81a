//! deputy-iac's integration tests: agreement with Checkov on its own test cases and on
//! real repositories.

mod aws_corpora;
mod k8s_goat;
mod parity;
