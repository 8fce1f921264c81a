//! Who did something: a person, the agent, or Deputy itself.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of actor behind a decision or change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Human,
    Agent,
    System,
}

/// An actor with its identity, written `kind:identity` (for example `human:alice`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    pub kind: ActorKind,
    pub id: String,
}

impl Actor {
    /// A person, by name or email.
    pub fn human(id: impl Into<String>) -> Self {
        Self {
            kind: ActorKind::Human,
            id: id.into(),
        }
    }

    /// Deputy itself acting on a rule (for example `system:importer`).
    pub fn system(id: impl Into<String>) -> Self {
        Self {
            kind: ActorKind::System,
            id: id.into(),
        }
    }

    /// Parses the `kind:identity` form written by [`Actor`]'s `Display`.
    pub fn parse(s: &str) -> Option<Self> {
        let (kind, id) = s.split_once(':')?;
        let kind = match kind {
            "human" => ActorKind::Human,
            "agent" => ActorKind::Agent,
            "system" => ActorKind::System,
            _ => return None,
        };
        Some(Self {
            kind,
            id: id.to_owned(),
        })
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ActorKind::Human => "human",
            ActorKind::Agent => "agent",
            ActorKind::System => "system",
        };
        write!(f, "{kind}:{}", self.id)
    }
}
