//! Looking checks up by Deputy code or CheckMate peer id.

use crate::check::{Check, Meta};
use crate::checks::ALL;

/// Every check, ordered by code.
pub fn all() -> &'static [&'static dyn Check] {
    ALL
}

/// The metadata of the check with Deputy code `code`.
pub fn by_code(code: &str) -> Option<&'static Meta> {
    ALL.iter().map(|c| c.meta()).find(|m| m.code == code)
}

/// The metadata of the check CheckMate calls `peer_id`.
pub fn by_peer_id(peer_id: &str) -> Option<&'static Meta> {
    ALL.iter()
        .map(|c| c.meta())
        .find(|m| m.peer_id == Some(peer_id))
}
