//! Finding identity for SARIF results: `fingerprints`, else `partialFingerprints`, else the
//! result's rank among the results of the same rule, file and logical location.

use deputy_core::{FindingDraft, Location, Severity};
use std::collections::HashMap;

/// The parts of a draft other than its identity discriminators.
#[derive(Debug)]
pub(super) struct DraftParts {
    pub(super) source: String,
    pub(super) rule_id: String,
    pub(super) severity: Severity,
    pub(super) title: String,
    pub(super) message: String,
    pub(super) location: Location,
    pub(super) help_uri: Option<String>,
    pub(super) remediation: Option<String>,
}

impl DraftParts {
    pub(super) fn into_draft(self, discriminators: &[(String, String)]) -> FindingDraft {
        let mut draft = FindingDraft::new(
            &self.source,
            &self.rule_id,
            self.severity,
            self.title,
            self.message,
            self.location,
            discriminators,
        );
        draft.help_uri = self.help_uri;
        draft.remediation = self.remediation;
        draft
    }
}

/// A finding in report order; those identified by occurrence get their draft once all
/// results are known.
#[derive(Debug)]
pub(super) enum Slot {
    Ready(FindingDraft),
    ByOccurrence {
        parts: DraftParts,
        start_line: Option<u32>,
        start_column: Option<u32>,
    },
}

/// Gives each result identified by occurrence its rank among the results of the same
/// source, rule, path and resource, ordered by position and then report order.
pub(super) fn assign_occurrences(slots: Vec<Slot>) -> Vec<FindingDraft> {
    type GroupKey<'s> = (&'s str, &'s str, Option<&'s str>, Option<&'s str>);
    /// Start line, start column, then place in the report.
    type Position = (Option<u32>, Option<u32>, usize);
    let mut rank = vec![0_usize; slots.len()];
    {
        let mut groups: HashMap<GroupKey<'_>, Vec<Position>> = HashMap::new();
        for (n, slot) in slots.iter().enumerate() {
            if let Slot::ByOccurrence {
                parts,
                start_line,
                start_column,
            } = slot
            {
                let key = (
                    parts.source.as_str(),
                    parts.rule_id.as_str(),
                    parts.location.path.as_deref(),
                    parts.location.resource.as_deref(),
                );
                groups
                    .entry(key)
                    .or_default()
                    .push((*start_line, *start_column, n));
            }
        }
        for members in groups.values_mut() {
            members.sort_unstable();
            for (k, (_, _, n)) in members.iter().enumerate() {
                if let Some(r) = rank.get_mut(*n) {
                    *r = k;
                }
            }
        }
    }
    slots
        .into_iter()
        .zip(rank)
        .map(|(slot, k)| match slot {
            Slot::Ready(draft) => draft,
            Slot::ByOccurrence { parts, .. } => {
                parts.into_draft(&[("occurrence".to_owned(), k.to_string())])
            }
        })
        .collect()
}
