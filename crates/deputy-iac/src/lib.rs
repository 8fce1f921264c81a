//! Deputy's IaC scanner. Front ends turn Terraform, CloudFormation, Kubernetes,
//! Dockerfile and GitHub Actions workflow sources into one resource model
//! ([`model::Resource`]) that keeps source spans, and the secrets front end turns
//! hard-coded credentials in those files into resources addressed by the secret's hash
//! (never its text); checks (one per file under `checks/`, listed in one registry) read
//! only that model, never raw syntax, and each names the Checkov ids it is equivalent to.
//!
//! This crate does no I/O beyond reading the tree it is asked to scan: no SQL, no HTTP,
//! no network. Recording a scan in the ledger is `deputy-app`'s job.

#[macro_use]
mod macros;

pub mod baseline;
pub mod check;
pub mod checks;
pub mod cloudformation;
pub mod conformance;
pub mod detect;
pub mod dockerfile;
pub mod github_actions;
pub mod kubernetes;
pub mod model;
pub mod output;
pub mod registry;
pub mod scan;
pub mod secrets;
pub mod select;
pub mod suppress;
pub mod terraform;
#[cfg(test)]
mod testing;
