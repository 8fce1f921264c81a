//! The check catalog: one check per file, one registry table.
//!
//! Adding a check: see CONTRIBUTING.md ("Add an IaC check").

use crate::check::Check;

/// Every check, ordered by code. Codes are never reused; a retired check's code stays
/// reserved.
pub(crate) static ALL: &[&dyn Check] = &[];
