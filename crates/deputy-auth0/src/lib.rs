//! Auth0 tenant posture for Deputy: the tenant snapshot model (Deputy's format and the
//! shape Auth0 CheckMate reads), the check catalog (every CheckMate check under its peer id,
//! plus Deputy's own), the scan that turns a snapshot into details, diagnostics and finding
//! drafts, and — in [`live`] only — reading a tenant through the Management API.
//!
//! This crate knows no SQL and nothing of the agent; the only network code is in [`live`].
//! A check is a pure function of the snapshot: an API error or a malformed setting becomes a
//! [`check::Diagnostic`] (and a `partial` run), never a finding.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

#[macro_use]
mod macros;
pub mod check;
pub mod checks;
pub mod docs;
pub mod js;
pub mod live;

pub mod model;
pub mod registry;
pub mod scan;
pub mod snapshot;
pub mod urls;

pub use check::{Check, Detail, Diagnostic, DiagnosticKind, Meta, Status};
pub use scan::{Advisory, ScanOptions, ScanOutcome, scan};
pub use snapshot::{Origin, SectionId, Snapshot, SnapshotError};

/// The `source` of every finding this crate produces.
pub const SOURCE: &str = "deputy-auth0";
