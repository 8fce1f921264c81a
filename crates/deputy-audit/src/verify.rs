//! Verifying a stored chain, one event at a time, so that a million events are checked
//! without holding them in memory.

use crate::canonical::EventFields;
use crate::chain::{ChainHead, ChainedEvent, Hash, hash_fields};
use serde::Serialize;
use std::fmt;

/// Why verification stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachKind {
    /// The event's content no longer hashes to its stored hash, though it is linked right.
    Edited,
    /// Events are missing: a gap in the sequence numbers, or the chain ends before the
    /// recorded head.
    Deleted,
    /// Events exist past the recorded head: written around Deputy's append path.
    Inserted,
    /// Neither the event's content nor its link match its position: events were moved
    /// (reordered, or renumbered after a deletion) or replaced.
    Reordered,
    /// The event is intact but does not follow the event before it: something before it was
    /// rewritten with a recomputed hash, or removed or inserted.
    BrokenLink,
}

impl BreachKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BreachKind::Edited => "edited",
            BreachKind::Deleted => "deleted",
            BreachKind::Inserted => "inserted",
            BreachKind::Reordered => "reordered",
            BreachKind::BrokenLink => "broken_link",
        }
    }
}

impl fmt::Display for BreachKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The first place where a chain is not what was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("audit chain broken at sequence number {seq} ({kind}): {message}")]
pub struct Breach {
    /// The first bad sequence number.
    pub seq: u64,
    pub kind: BreachKind,
    pub message: String,
}

/// A chain that verified: how many events, and its head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VerifiedChain {
    pub events: u64,
    pub head: ChainHead,
}

/// Checks events in sequence order as they are streamed from storage.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    next_seq: u64,
    prev: Hash,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self::new()
    }
}

impl ChainVerifier {
    /// A verifier expecting the chain's first event (sequence number 1).
    pub fn new() -> Self {
        Self {
            next_seq: 1,
            prev: Hash::GENESIS,
        }
    }

    /// Checks the next stored event.
    pub fn push(&mut self, e: &ChainedEvent) -> Result<(), Breach> {
        let intact = || e.computed_hash() == e.hash;
        self.check(e.seq, &e.prev_hash, intact)?;
        self.advance(e.hash);
        Ok(())
    }

    /// Checks the next stored event from its fields as stored, without building an
    /// [`ChainedEvent`]: the fast path for a store streaming rows.
    pub fn push_fields(
        &mut self,
        seq: u64,
        fields: &EventFields<'_>,
        prev_hash: &Hash,
        hash: &Hash,
    ) -> Result<(), Breach> {
        let intact = || hash_fields(prev_hash, seq, fields) == *hash;
        self.check(seq, prev_hash, intact)?;
        self.advance(*hash);
        Ok(())
    }

    fn advance(&mut self, hash: Hash) {
        self.next_seq = self.next_seq.saturating_add(1);
        self.prev = hash;
    }

    fn check(
        &self,
        seq: u64,
        prev_hash: &Hash,
        intact: impl FnOnce() -> bool,
    ) -> Result<(), Breach> {
        struct Seen<'a> {
            seq: u64,
            prev_hash: &'a Hash,
        }
        let e = Seen { seq, prev_hash };
        let expected = self.next_seq;
        if e.seq > expected {
            let last_missing = e.seq.saturating_sub(1);
            let which = if last_missing == expected {
                format!("event {expected} is missing")
            } else {
                format!("events {expected} to {last_missing} are missing")
            };
            return Err(Breach {
                seq: expected,
                kind: BreachKind::Deleted,
                message: format!("{which} (the next stored event is {})", e.seq),
            });
        }
        if e.seq < expected {
            return Err(Breach {
                seq: e.seq,
                kind: BreachKind::Reordered,
                message: format!(
                    "event {} is stored after event {}",
                    e.seq,
                    expected.saturating_sub(1)
                ),
            });
        }
        let linked = *e.prev_hash == self.prev;
        let intact = intact();
        let breach = |kind, message| {
            Err(Breach {
                seq: e.seq,
                kind,
                message,
            })
        };
        match (linked, intact) {
            (true, true) => {}
            (true, false) => {
                return breach(
                    BreachKind::Edited,
                    format!(
                        "event {} was changed after it was written: its content does not hash to its stored hash",
                        e.seq
                    ),
                );
            }
            (false, true) => {
                return breach(
                    BreachKind::BrokenLink,
                    format!(
                        "event {} does not follow event {}: its prev_hash is {}, but event {} hashes to {} (an earlier event was rewritten, removed or inserted)",
                        e.seq,
                        expected.saturating_sub(1),
                        e.prev_hash,
                        expected.saturating_sub(1),
                        self.prev
                    ),
                );
            }
            (false, false) => {
                return breach(
                    BreachKind::Reordered,
                    format!(
                        "the event stored as {} is not the one written there: neither its content nor its link match (events were moved, renumbered or replaced)",
                        e.seq
                    ),
                );
            }
        }
        Ok(())
    }

    /// The chain verified so far.
    pub fn head(&self) -> ChainHead {
        ChainHead {
            seq: self.next_seq.saturating_sub(1),
            hash: self.prev,
        }
    }

    /// Ends verification, comparing the end of the stored chain with the head recorded when
    /// the last event was appended (if the store keeps one), which is what reveals deleted
    /// or added events at the end.
    pub fn finish(self, recorded: Option<ChainHead>) -> Result<VerifiedChain, Breach> {
        let last = self.head();
        if let Some(h) = recorded {
            if h.seq > last.seq {
                let first = last.seq.saturating_add(1);
                return Err(Breach {
                    seq: first,
                    kind: BreachKind::Deleted,
                    message: format!(
                        "the chain ends at event {} but {} events were written: events {first} to {} are missing",
                        last.seq, h.seq, h.seq
                    ),
                });
            }
            if h.seq < last.seq {
                return Err(Breach {
                    seq: h.seq.saturating_add(1),
                    kind: BreachKind::Inserted,
                    message: format!(
                        "{} events were written but the chain has {}: events after {} were added around deputy",
                        h.seq, last.seq, h.seq
                    ),
                });
            }
            if h.hash != last.hash {
                return Err(Breach {
                    seq: last.seq,
                    kind: BreachKind::Edited,
                    message: format!(
                        "event {} does not match the hash recorded when it was written ({})",
                        last.seq, h.hash
                    ),
                });
            }
        }
        Ok(VerifiedChain {
            events: last.seq,
            head: last,
        })
    }
}
