//! A JSON integer of any range, for reports' counts, indexes and line numbers.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A JSON integer. Decoded by hand so that a wrong type reads "expected an integer"
/// rather than naming a Rust type, and so that any JSON integer is accepted: range checks
/// belong to the conversion, which knows what the number means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Int(pub i64);

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct IntVisitor;
        impl Visitor<'_> for IntVisitor {
            type Value = Int;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Int, E> {
                Ok(Int(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Int, E> {
                Ok(Int(i64::try_from(v).unwrap_or(i64::MAX)))
            }
        }
        d.deserialize_i64(IntVisitor)
    }
}

impl Int {
    /// The value as an array index; SARIF writes `-1` (or omits the property) for "none".
    pub fn index(self) -> Option<usize> {
        usize::try_from(self.0).ok()
    }

    /// The value as a 1-based line or column; out-of-range values are dropped.
    pub fn line(self) -> Option<u32> {
        u32::try_from(self.0).ok().filter(|&n| n > 0)
    }
}
