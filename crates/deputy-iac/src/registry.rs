//! Looking checks up by Deputy code or Checkov id.

use crate::check::{Check, Meta};
use crate::checks::ALL;

/// Every check, ordered by code.
pub fn all() -> &'static [&'static dyn Check] {
    ALL
}

/// The check with Deputy code `code`.
pub fn by_code(code: &str) -> Option<&'static dyn Check> {
    ALL.iter().copied().find(|c| c.meta().code == code)
}

/// The checks equivalent to Checkov id `id` (usually one).
pub fn by_checkov_id(id: &str) -> impl Iterator<Item = &'static dyn Check> + '_ {
    ALL.iter()
        .copied()
        .filter(move |c| c.meta().checkov.contains(&id))
}

/// The metadata of every check, ordered by code.
pub fn metas() -> impl Iterator<Item = &'static Meta> {
    ALL.iter().map(|c| c.meta())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        let codes: Vec<&str> = metas().map(|m| m.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "registry must be sorted by code, without duplicates"
        );
        for m in metas() {
            assert!(m.code.starts_with("DPY-"), "{}", m.code);
            assert!(!m.targets.is_empty(), "{} has no targets", m.code);
            assert!(
                !m.title.is_empty() && !m.remediation.is_empty(),
                "{}",
                m.code
            );
            assert!(!m.severity_reason.is_empty(), "{}", m.code);
        }
    }

    #[test]
    fn a_checkov_id_belongs_to_one_check() {
        let mut seen = BTreeSet::new();
        for m in metas() {
            for id in m.checkov {
                assert!(seen.insert(*id), "{id} is claimed twice");
                assert!(id.starts_with("CKV"), "{id}");
            }
        }
    }
}
