//! Events and how they are linked.

use crate::canonical::{EventFields, StoredFields};
use deputy_core::Actor;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use time::OffsetDateTime;

/// One thing that happened, as the caller describes it (before it is chained).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When it happened (kept to the millisecond, the precision of the canonical form).
    #[serde(with = "instant")]
    pub time: OffsetDateTime,
    /// Who did it: a person, the agent or Deputy itself, with its identity.
    pub actor: Actor,
    /// What was done, a dotted verb such as `vault.lease.issue` or `gate.relation.check`.
    pub action: String,
    /// What it was done to, such as `connection:alice/github/default`.
    pub target: String,
    /// The decision or the result: `allowed`, `denied`, `ok`, `failed`, …
    pub outcome: String,
    /// Further facts as text, never a secret.
    #[serde(default)]
    pub detail: BTreeMap<String, String>,
}

impl AuditEvent {
    /// An event with no detail.
    pub fn new(
        time: OffsetDateTime,
        actor: Actor,
        action: impl Into<String>,
        target: impl Into<String>,
        outcome: impl Into<String>,
    ) -> Self {
        Self {
            time,
            actor,
            action: action.into(),
            target: target.into(),
            outcome: outcome.into(),
            detail: BTreeMap::new(),
        }
    }

    /// Adds one detail entry.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.detail.insert(key.into(), value.into());
        self
    }
}

/// A SHA-256 hash, written as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The `prev_hash` of the first event: 32 zero bytes.
    pub const GENESIS: Hash = Hash([0; 32]);

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", self.to_hex())
    }
}

/// A text that is not 64 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a SHA-256 hash (64 hex digits)")]
pub struct HashParseError(pub String);

impl FromStr for Hash {
    type Err = HashParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(s, &mut out).map_err(|_| HashParseError(s.to_owned()))?;
        Ok(Hash(out))
    }
}

impl Serialize for Hash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Hash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The end of a chain: the last sequence number and its hash (`0` and [`Hash::GENESIS`] for
/// an empty chain).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub seq: u64,
    pub hash: Hash,
}

impl ChainHead {
    pub const EMPTY: ChainHead = ChainHead {
        seq: 0,
        hash: Hash::GENESIS,
    };
}

/// An event in the chain, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainedEvent {
    /// 1 for the first event, then one more for each.
    pub seq: u64,
    #[serde(flatten)]
    pub event: AuditEvent,
    pub prev_hash: Hash,
    pub hash: Hash,
}

impl ChainedEvent {
    /// The hash this event's content and link should have.
    pub fn computed_hash(&self) -> Hash {
        hash_of(&self.prev_hash, self.seq, &self.event)
    }

    /// The head of the chain that ends with this event.
    pub fn head(&self) -> ChainHead {
        ChainHead {
            seq: self.seq,
            hash: self.hash,
        }
    }
}

/// `SHA-256(prev ‖ canonical(seq, event))`.
pub(crate) fn hash_of(prev: &Hash, seq: u64, event: &AuditEvent) -> Hash {
    hash_fields(prev, seq, &StoredFields::of(event).borrow())
}

/// `SHA-256(prev ‖ canonical(seq, fields))`, from the fields as stored.
pub fn hash_fields(prev: &Hash, seq: u64, fields: &EventFields<'_>) -> Hash {
    let mut buf =
        Vec::with_capacity(256 + fields.detail.len() + fields.target.len() + fields.actor_id.len());
    buf.extend_from_slice(&prev.0);
    crate::canonical::write_into(&mut buf, seq, fields);
    Hash(Sha256::digest(&buf).into())
}

/// Appends `event` after `head`: the next sequence number, linked to the head's hash.
/// Returns `None` only if the sequence number would overflow.
pub fn link(head: &ChainHead, event: AuditEvent) -> Option<ChainedEvent> {
    let seq = head.seq.checked_add(1)?;
    let hash = hash_of(&head.hash, seq, &event);
    Some(ChainedEvent {
        seq,
        event,
        prev_hash: head.hash,
        hash,
    })
}

/// Instants as deputy-core's fixed-width text, the form the canonical encoding hashes.
mod instant {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::OffsetDateTime;

    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&deputy_core::time_fmt::format(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        let s = String::deserialize(d)?;
        deputy_core::time_fmt::parse(&s).map_err(serde::de::Error::custom)
    }
}
