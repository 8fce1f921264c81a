//! What one scan run does to the findings a project already has.
//!
//! [`reconcile`] is pure: given the project's known findings and a run's drafts, it decides
//! for each finding whether it is new, unchanged, reopened, resolved or stale, and which
//! state changes to record. The store persists the decision in one transaction.
//!
//! The rules, each a fix for a fault users report in other trackers:
//! - identity is the fingerprint, matched against *all* known findings, never "the oldest";
//! - a re-detection never overrides a human decision (false positive, accepted risk, out
//!   of scope): the finding is recorded as seen and keeps its state;
//! - absence closes a finding only after a *complete* run of the *same* scope by the same
//!   tool; after a partial or failed run the finding is marked stale instead;
//! - a resolved finding that is detected again is reopened, and its SLA clock keeps running
//!   from when it was first seen.

use crate::actor::ActorKind;
use crate::finding::{FindingDraft, RunStatus};
use crate::fingerprint::Fingerprint;
use crate::sla::SlaPolicy;
use crate::state::FindingState;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use time::OffsetDateTime;

/// What the ledger already knows about a finding, as far as reconciliation needs.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownFinding {
    pub id: i64,
    pub fingerprint: Fingerprint,
    pub source: String,
    pub scope: String,
    pub state: FindingState,
    pub first_seen: OffsetDateTime,
}

/// What a run covered.
#[derive(Debug, Clone, Copy)]
pub struct RunCoverage<'a> {
    /// Tools whose results the run carries (even those that reported nothing).
    pub tools: &'a BTreeSet<String>,
    pub scope: &'a str,
    pub status: RunStatus,
}

/// How a finding changed in one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    New,
    Reopened,
    Unchanged,
    Resolved,
    /// Absent from a run that could not prove it gone (partial, failed or another scope).
    Stale,
}

impl Change {
    pub const ALL: [Change; 5] = [
        Change::New,
        Change::Reopened,
        Change::Unchanged,
        Change::Resolved,
        Change::Stale,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Reopened => "reopened",
            Change::Unchanged => "unchanged",
            Change::Resolved => "resolved",
            Change::Stale => "stale",
        }
    }

    /// Whether the run saw the finding.
    pub fn detected(self) -> bool {
        matches!(self, Change::New | Change::Reopened | Change::Unchanged)
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Change {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Change::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown change `{s}`"))
    }
}

/// Per-run delta counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeltaCounts {
    pub new: u64,
    pub reopened: u64,
    pub unchanged: u64,
    pub resolved: u64,
    pub stale: u64,
}

impl DeltaCounts {
    pub fn add(&mut self, change: Change) {
        match change {
            Change::New => self.new += 1,
            Change::Reopened => self.reopened += 1,
            Change::Unchanged => self.unchanged += 1,
            Change::Resolved => self.resolved += 1,
            Change::Stale => self.stale += 1,
        }
    }

    pub fn get(&self, change: Change) -> u64 {
        match change {
            Change::New => self.new,
            Change::Reopened => self.reopened,
            Change::Unchanged => self.unchanged,
            Change::Resolved => self.resolved,
            Change::Stale => self.stale,
        }
    }
}

/// A state change to record in a finding's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateChange {
    pub from: Option<FindingState>,
    pub to: FindingState,
    pub reason: &'static str,
}

/// The decision for one finding the run detected.
#[derive(Debug, Clone)]
pub struct Detected<'a> {
    pub draft: &'a FindingDraft,
    pub existing_id: Option<i64>,
    pub change: Change,
    pub state: FindingState,
    pub first_seen: OffsetDateTime,
    pub sla_due: Option<OffsetDateTime>,
    pub state_change: Option<StateChange>,
}

/// The decision for one known finding the run did not detect but covered.
#[derive(Debug, Clone, PartialEq)]
pub struct Absent {
    pub id: i64,
    pub change: Change,
    pub state_change: Option<StateChange>,
}

/// Everything one run does to the ledger.
#[derive(Debug, Clone, Default)]
pub struct Reconciliation<'a> {
    pub detected: Vec<Detected<'a>>,
    pub absent: Vec<Absent>,
    pub counts: DeltaCounts,
    /// Drafts dropped because an earlier draft in the same run had the same fingerprint.
    pub duplicates: usize,
}

/// Decides what `drafts` (one run) do to `known` (the project's findings).
pub fn reconcile<'a>(
    known: &[KnownFinding],
    drafts: &'a [FindingDraft],
    run: RunCoverage<'_>,
    now: OffsetDateTime,
    sla: &SlaPolicy,
) -> Reconciliation<'a> {
    let by_fp: HashMap<&Fingerprint, &KnownFinding> =
        known.iter().map(|k| (&k.fingerprint, k)).collect();
    let mut out = Reconciliation::default();
    let mut seen: HashSet<&Fingerprint> = HashSet::with_capacity(drafts.len());

    for draft in drafts {
        if !seen.insert(&draft.fingerprint) {
            out.duplicates += 1;
            continue;
        }
        let detected = match by_fp.get(&draft.fingerprint) {
            None => Detected {
                draft,
                existing_id: None,
                change: Change::New,
                state: FindingState::Open,
                first_seen: now,
                sla_due: sla.due(draft.severity, now),
                state_change: Some(StateChange {
                    from: None,
                    to: FindingState::Open,
                    reason: "first detected",
                }),
            },
            Some(k) => {
                let (change, state, state_change) = if k.state == FindingState::Resolved {
                    debug_assert!(
                        k.state
                            .check_transition(FindingState::Reopened, ActorKind::System)
                            .is_ok()
                    );
                    (
                        Change::Reopened,
                        FindingState::Reopened,
                        Some(StateChange {
                            from: Some(k.state),
                            to: FindingState::Reopened,
                            reason: "detected again after it was resolved",
                        }),
                    )
                } else {
                    // Active findings stay as they are; human decisions are never overridden.
                    (Change::Unchanged, k.state, None)
                };
                Detected {
                    draft,
                    existing_id: Some(k.id),
                    change,
                    state,
                    first_seen: k.first_seen,
                    sla_due: sla.due(draft.severity, k.first_seen),
                    state_change,
                }
            }
        };
        out.counts.add(detected.change);
        out.detected.push(detected);
    }

    let may_close = run.status == RunStatus::Complete;
    for k in known {
        let covered = run.tools.contains(&k.source) && k.scope == run.scope;
        if !covered || seen.contains(&k.fingerprint) || !k.state.is_active() {
            continue;
        }
        let absent = if may_close {
            Absent {
                id: k.id,
                change: Change::Resolved,
                state_change: Some(StateChange {
                    from: Some(k.state),
                    to: FindingState::Resolved,
                    reason: "absent from a complete run of the same scope",
                }),
            }
        } else {
            Absent {
                id: k.id,
                change: Change::Stale,
                state_change: None,
            }
        };
        out.counts.add(absent.change);
        out.absent.push(absent);
    }
    out
}

#[cfg(test)]
mod tests;
