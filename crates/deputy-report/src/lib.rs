//! Deputy's reports: one [`Report`] value — a scan of a project, its comparison with another
//! scan, the trend across scans, SLA status and accepted risks — rendered to every format
//! people and machines read: JSON, CSV, SARIF, JUnit, Markdown, Confluence storage format,
//! self-contained HTML, and (in `deputy-report-pdf`) PDF. Charts are SVG written here, so the
//! same picture appears in HTML, PDF and later the web console.
//!
//! This crate does no I/O and knows nothing of SQL: `deputy-app` assembles the [`Report`]
//! from the ledger. Every text that came from a scanner is untrusted and is escaped for the
//! sink it is written to (see [`escape`]).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod charts;
pub mod confluence;
pub mod csv;
pub mod escape;
pub mod fixture;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod model;
pub mod sarif;
pub mod summary;

pub use model::*;
