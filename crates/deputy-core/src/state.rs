//! The finding state machine.
//!
//! ```text
//! open ──► triaged ──► in_progress ──► resolved ──► reopened ──► (triaged | in_progress | resolved | …)
//!   └──────────┴────────────┴──► false_positive | accepted_risk | out_of_scope   (human decisions)
//! ```
//!
//! Scanners (system actors) may only close an active finding by its absence, reopen a
//! resolved one on re-detection, and reopen an accepted risk whose acceptance expired.
//! Human decisions are never overridden by a scan.

use crate::actor::ActorKind;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a finding stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingState {
    Open,
    Triaged,
    InProgress,
    Resolved,
    Reopened,
    FalsePositive,
    AcceptedRisk,
    OutOfScope,
}

impl FindingState {
    pub const ALL: [FindingState; 8] = [
        FindingState::Open,
        FindingState::Triaged,
        FindingState::InProgress,
        FindingState::Resolved,
        FindingState::Reopened,
        FindingState::FalsePositive,
        FindingState::AcceptedRisk,
        FindingState::OutOfScope,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingState::Open => "open",
            FindingState::Triaged => "triaged",
            FindingState::InProgress => "in_progress",
            FindingState::Resolved => "resolved",
            FindingState::Reopened => "reopened",
            FindingState::FalsePositive => "false_positive",
            FindingState::AcceptedRisk => "accepted_risk",
            FindingState::OutOfScope => "out_of_scope",
        }
    }

    /// Still needs work: counts toward SLAs and may be closed by a complete scan.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            FindingState::Open
                | FindingState::Triaged
                | FindingState::InProgress
                | FindingState::Reopened
        )
    }

    /// A decision a person made that no scan may override.
    pub fn is_human_decision(self) -> bool {
        matches!(
            self,
            FindingState::FalsePositive | FindingState::AcceptedRisk | FindingState::OutOfScope
        )
    }

    /// Checks that `actor` may move a finding from `self` to `to`.
    pub fn check_transition(
        self,
        to: FindingState,
        actor: ActorKind,
    ) -> Result<(), TransitionError> {
        use FindingState::*;
        let allowed = match actor {
            ActorKind::System => matches!(
                (self, to),
                (Open | Triaged | InProgress | Reopened, Resolved)
                    | (Resolved | AcceptedRisk, Reopened)
            ),
            ActorKind::Human | ActorKind::Agent => match to {
                Triaged => matches!(self, Open | Reopened | InProgress),
                InProgress => matches!(self, Open | Reopened | Triaged),
                Resolved | FalsePositive | OutOfScope | AcceptedRisk => self.is_active(),
                Reopened => matches!(self, Resolved | FalsePositive | OutOfScope | AcceptedRisk),
                Open => false,
            },
        };
        if allowed {
            Ok(())
        } else {
            Err(TransitionError {
                from: self,
                to,
                actor,
            })
        }
    }
}

impl fmt::Display for FindingState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FindingState {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace('-', "_");
        FindingState::ALL
            .into_iter()
            .find(|st| st.as_str() == norm)
            .ok_or_else(|| {
                format!(
                    "unknown state `{s}` (expected one of: {})",
                    FindingState::ALL.map(FindingState::as_str).join(", ")
                )
            })
    }
}

/// A transition the state machine does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a finding that is `{from}` cannot become `{to}`{}", actor_note(*.actor))]
pub struct TransitionError {
    pub from: FindingState,
    pub to: FindingState,
    pub actor: ActorKind,
}

fn actor_note(actor: ActorKind) -> &'static str {
    match actor {
        ActorKind::System => " by a scan",
        ActorKind::Human | ActorKind::Agent => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FindingState::*;

    #[test]
    fn scans_never_override_human_decisions() {
        for decided in [FalsePositive, OutOfScope] {
            for to in FindingState::ALL {
                assert!(
                    decided.check_transition(to, ActorKind::System).is_err(),
                    "{decided} -> {to}"
                );
            }
        }
        // An accepted risk is only reopened by the system when its acceptance expires.
        for to in FindingState::ALL {
            let ok = AcceptedRisk.check_transition(to, ActorKind::System).is_ok();
            assert_eq!(ok, to == Reopened, "accepted_risk -> {to}");
        }
    }

    #[test]
    fn people_walk_the_workflow() {
        assert!(Open.check_transition(Triaged, ActorKind::Human).is_ok());
        assert!(
            Triaged
                .check_transition(InProgress, ActorKind::Human)
                .is_ok()
        );
        assert!(
            InProgress
                .check_transition(Resolved, ActorKind::Human)
                .is_ok()
        );
        assert!(
            Resolved
                .check_transition(Reopened, ActorKind::Human)
                .is_ok()
        );
        assert!(
            FalsePositive
                .check_transition(Reopened, ActorKind::Human)
                .is_ok()
        );
        assert!(
            Resolved
                .check_transition(FalsePositive, ActorKind::Human)
                .is_err()
        );
        assert!(
            Resolved
                .check_transition(Triaged, ActorKind::Human)
                .is_err()
        );
        assert!(Open.check_transition(Open, ActorKind::Human).is_err());
    }

    #[test]
    fn names_round_trip() {
        for s in FindingState::ALL {
            assert_eq!(s.as_str().parse::<FindingState>(), Ok(s));
        }
        assert_eq!("false-positive".parse::<FindingState>(), Ok(FalsePositive));
        assert!("closed".parse::<FindingState>().is_err());
    }
}
